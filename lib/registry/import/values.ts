/** Reading the values of register cells: dates, years, names, formats, marks. Pure. */
import { latestToday } from "@/lib/clock";
import { FORMATS, type Format } from "@/lib/reports/domain";
import type { Cell } from "@/lib/tabular/cell";

/** A cell as read from XLSX (numbers, real dates) or CSV (always text). */
export type { Cell };

const pad = (n: number) => String(n).padStart(2, "0");

/** The text of a cell; an Excel date becomes ДД.ММ.ГГГГ. */
export function cellText(v: Cell): string {
  if (v == null) return "";
  if (v instanceof Date) return `${pad(v.getUTCDate())}.${pad(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}`;
  if (typeof v === "boolean") return v ? "да" : "нет";
  return String(v)
    .replace(/\u00a0/g, " ")
    .trim();
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Days from 1899-12-30: how Excel stores a date when the cell is not formatted as one. */
function fromSerial(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const MIN_DATE_YEAR = 1990;

/** An Excel date, an Excel serial number or text ДД.ММ.ГГГГ (also Д.М.ГГ, ГГГГ-ММ-ДД) → ISO date. */
export function parseDate(v: Cell, today = latestToday()): Parsed<string | null> {
  let iso: string | null = null;
  if (v == null || v === "") return { ok: true, value: null };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, message: "Дата не распознана." };
    iso = isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  } else if (typeof v === "number") {
    if (v < 20_000 || v > 80_000) return { ok: false, message: "Дата не распознана: ожидается ДД.ММ.ГГГГ." };
    iso = fromSerial(v);
  } else {
    const text = cellText(v).replace(/\s*г(од)?\.?$/i, "");
    if (!text) return { ok: true, value: null };
    const ru = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(text);
    const en = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
    if (ru) {
      const y = ru[3].length === 2 ? 2000 + Number(ru[3]) : Number(ru[3]);
      iso = isoDate(y, Number(ru[2]), Number(ru[1]));
    } else if (en) iso = isoDate(Number(en[1]), Number(en[2]), Number(en[3]));
    else if (/^\d{5}(\.\d+)?$/.test(text)) return parseDate(Number(text), today);
    if (!iso)
      return { ok: false, message: `Дата «${text.slice(0, 30)}» не распознана: ожидается ДД.ММ.ГГГГ.` };
  }
  if (!iso) return { ok: false, message: "Такой даты нет в календаре." };
  const year = Number(iso.slice(0, 4));
  const max = Number(today.slice(0, 4)) + 5;
  if (year < MIN_DATE_YEAR || year > max)
    return { ok: false, message: `Дата вне допустимого диапазона (${MIN_DATE_YEAR}–${max} гг.).` };
  return { ok: true, value: iso };
}

export const MIN_BIRTH_YEAR = 1930;

/** A year of birth: 2011, «2011 г.», or a full date of birth of which the year is kept. */
export function parseBirthYear(v: Cell, today = latestToday()): Parsed<number | null> {
  if (v == null || v === "") return { ok: true, value: null };
  let year: number | null = null;
  if (v instanceof Date) year = v.getUTCFullYear();
  else if (typeof v === "number" && Number.isInteger(v) && v < 3000) year = v;
  else {
    const text = cellText(v).replace(/\s*г(од)?\.?$/i, "");
    if (!text) return { ok: true, value: null };
    if (/^\d{4}$/.test(text)) year = Number(text);
    else {
      const date = parseDate(typeof v === "number" ? v : text, today);
      if (date.ok && date.value) year = Number(date.value.slice(0, 4));
      else return { ok: false, message: "Год рождения не распознан: укажите год числом, например 2011." };
    }
  }
  if (year < MIN_BIRTH_YEAR || year > Number(today.slice(0, 4)))
    return {
      ok: false,
      // The year itself is not quoted: birth years of learners stay out of messages.
      message: `Год рождения вне допустимого диапазона (${MIN_BIRTH_YEAR}–${today.slice(0, 4)}).`,
    };
  return { ok: true, value: year };
}

export interface PersonName {
  surname: string;
  name: string;
  patronymic: string;
  /** Case, ё and spacing do not matter when persons are compared. */
  key: string;
  initials: boolean;
}

export function nameKey(surname: string, name: string, patronymic: string): string {
  return [surname, name, patronymic].join(" ").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/** «иванова» or «ИВАНОВА» → «Иванова» (also «римский-корсаков»); mixed case is left as typed. */
function capitalise(word: string): string {
  if (word !== word.toLowerCase() && word !== word.toUpperCase()) return word;
  return word.toLowerCase().replace(/(^|-)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** «Фамилия Имя Отчество» (the patronymic may be missing or compound: «Гасан оглы»). */
export function splitName(text: string): Parsed<PersonName> {
  const spaced = text.replace(/\u00a0/g, " ").replace(/\.(?=\S)/g, ". ");
  const words = spaced.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: false, message: "Не указаны фамилия, имя и отчество." };
  if (words.length === 1) return { ok: false, message: "Укажите фамилию и имя полностью, через пробел." };
  if (words.some((w) => !/^[\p{L}][\p{L}'’.-]*$/u.test(w)))
    return { ok: false, message: "ФИО может содержать только буквы, дефис и апостроф." };
  const [surname, name, first = "", ...rest] = words.map((w, i) => (i < 3 ? capitalise(w) : w));
  const patronymic = [first, ...rest].filter(Boolean).join(" ");
  const initials = /^\p{L}\.$/u.test(name);
  return {
    ok: true,
    value: { surname, name, patronymic, key: nameKey(surname, name, patronymic), initials },
  };
}

/** Several names in one cell, separated by «;», «,» or line breaks. */
export function splitNames(text: string): string[] {
  return text
    .split(/[;,\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const SIDES: [RegExp, string][] = [
  [/^(учени|обучающ|школьн)/, "pupil"],
  [/^студент/, "student"],
  [/^(учител|педагог)/, "teacher"],
  [/^(работодат|представительработодат|наставникработодат)/, "employer"],
];
const PAIRS: Record<string, Format> = {
  "pupil-pupil": "pupil_pupil",
  "student-student": "student_student",
  "teacher-teacher": "teacher_teacher",
  "student-pupil": "student_pupil",
  "employer-pupil": "employer_pupil",
  "employer-student": "employer_student",
  "teacher-pupil": "teacher_pupil",
};

/** «Ученик – ученик», «ученик-ученик», «педагог – педагог (опытный – молодой)», or the code itself. */
export function parseFormat(v: Cell): Parsed<Format | null> {
  const text = cellText(v);
  if (!text) return { ok: true, value: null };
  if ((FORMATS as readonly string[]).includes(text)) return { ok: true, value: text as Format };
  const plain = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\(.*\)/g, "")
    .replace(/^форма\s+/, "");
  const sides = plain.split(/\s*[-–—‐−]\s*/).map((s) => s.replace(/[^\p{L}]/gu, ""));
  if (sides.length === 2) {
    const kinds = sides.map((s) => SIDES.find(([re]) => re.test(s))?.[1]);
    const format = kinds[0] && kinds[1] ? PAIRS[`${kinds[0]}-${kinds[1]}`] : undefined;
    if (format) return { ok: true, value: format };
  }
  return {
    ok: false,
    message: `Форма наставничества «${text.slice(0, 40)}» не распознана: ожидается, например, «Ученик – ученик», «Учитель – учитель», «Студент – ученик», «Работодатель – ученик».`,
  };
}

/** The completion mark: «да», «+», «пройдена», «1» → true; empty, «нет», «-», «0» → false. */
export function parseCompleted(v: Cell): Parsed<boolean> {
  if (typeof v === "boolean") return { ok: true, value: v };
  const text = cellText(v).toLowerCase().replace(/ё/g, "е").replace(/[.!]$/, "");
  if (/^(да|\+|1|пройден[аo]?|прошел|прошла|выполнен[аo]?|завершен[аo]?|v|✓|✔|x|yes|true)$/.test(text))
    return { ok: true, value: true };
  if (/^(|нет|-|–|0|не пройден[аo]?|не прошел|не прошла|no|false)$/.test(text))
    return { ok: true, value: false };
  return { ok: false, message: `Отметка «${text.slice(0, 30)}» не распознана: укажите «да» или «нет».` };
}
