/** Reading the list of organisations in the layout of form 1 (seed 002). Pure. */
import type { Issue } from "@/lib/registry/import/types";
import { cellText } from "@/lib/registry/import/values";
import type { SheetRow } from "@/lib/tabular/xlsx";
import { parseContacts, type Contacts } from "./contacts";

export type Form1Column = "municipality" | "organisation" | "contacts" | "learners" | "staff" | "young";

export const FORM1_COLUMNS: Record<
  Form1Column,
  { title: string; test: (h: string) => boolean; required: boolean }
> = {
  municipality: { title: "Муниципальный район", test: (h) => /муниципальн|^район/.test(h), required: true },
  organisation: {
    title: "Общеобразовательная организация",
    test: (h) => /организаци|^наименование/.test(h) && !/контакт|количеств/.test(h),
    required: true,
  },
  contacts: {
    title: "Контакты: ФИО директора, тел., почта, почт. адрес",
    test: (h) => /контакт/.test(h),
    required: false,
  },
  learners: {
    title: "Общее количество обучающихся в возрасте от 10 до 18 лет",
    test: (h) => /(дет|обучающ)/.test(h) && /10/.test(h),
    required: true,
  },
  staff: {
    title: "Общее количество педагогических работников",
    test: (h) => /педагогическ\S* работник/.test(h) && !/молод/.test(h),
    required: true,
  },
  young: {
    title: "Общее количество учителей – молодых специалистов",
    test: (h) => /молод/.test(h),
    required: true,
  },
};

export type OrganisationKind = "school" | "college" | "additional" | "kindergarten";

export interface Form1Record extends Contacts {
  line: number;
  municipality: string;
  fullName: string;
  shortName: string;
  kind: OrganisationKind;
  learners10to18: number;
  teachingStaff: number;
  youngTeachers: number;
}

export type Form1Table =
  | { ok: true; headerLine: number; records: Form1Record[]; issues: Issue[]; notes: string[]; rows: number }
  | { ok: false; message: string };

const norm = (s: string) => s.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();

function mapHeader(cells: string[]): Partial<Record<Form1Column, number>> {
  const map: Partial<Record<Form1Column, number>> = {};
  cells.forEach((cell, i) => {
    const h = norm(cell);
    if (!h) return;
    for (const [key, col] of Object.entries(FORM1_COLUMNS) as [
      Form1Column,
      (typeof FORM1_COLUMNS)[Form1Column],
    ][])
      if (map[key] === undefined && col.test(h)) {
        map[key] = i;
        return;
      }
  });
  return map;
}

/** The kind of an organisation guessed from its name; a school unless the name says otherwise. */
export function guessKind(name: string): OrganisationKind {
  const n = norm(name);
  const words = new Set(n.split(/[^\p{L}\d]+/u));
  const has = (...w: string[]) => w.some((x) => words.has(x));
  if (/колледж|техникум|училищ/.test(n) || has("поу", "бпоу", "гбпоу", "гапоу", "спо")) return "college";
  if (/детск\S* сад/.test(n) || has("доу", "мбдоу", "мадоу", "мкдоу")) return "kindergarten";
  if (
    /дополнительного образования|дом детского творчества/.test(n) ||
    has("до", "цдо", "ддт", "дюсш", "цдт", "мбудо")
  )
    return "additional";
  return "school";
}

/** A head count: 85, «85 человек», «1 200 чел.»; an empty cell counts as 0 with a warning. */
export function parseCount(
  v: unknown,
): { ok: true; value: number; empty: boolean } | { ok: false; message: string } {
  if (typeof v === "number")
    return Number.isInteger(v) && v >= 0 && v <= 1_000_000
      ? { ok: true, value: v, empty: false }
      : { ok: false, message: "Ожидается целое неотрицательное число, например 85." };
  const text = cellText(v as never)
    .replace(/\s*(человек|чел)\.?\s*$/i, "")
    .replace(/[\s\u202f]/g, "");
  if (!text) return { ok: true, value: 0, empty: true };
  if (!/^\d{1,7}$/.test(text))
    return { ok: false, message: `«${text.slice(0, 20)}» — не число: ожидается целое число, например 85.` };
  const value = Number(text);
  if (value > 1_000_000) return { ok: false, message: "Не больше 1 000 000." };
  return { ok: true, value, empty: false };
}

function shortOf(name: string): string {
  if (name.length <= 150) return name;
  const cut = name.slice(0, 150);
  return cut.slice(0, cut.lastIndexOf(" ") > 100 ? cut.lastIndexOf(" ") : 150).trim();
}

/** The records under the form-1 header, with every problem of every row (the row as Excel shows it). */
export function readForm1(rows: SheetRow[]): Form1Table {
  const headerAt = rows.slice(0, 15).findIndex((r) => {
    const m = mapHeader(r.cells.map(cellText));
    return m.municipality !== undefined && m.organisation !== undefined;
  });
  if (headerAt < 0)
    return {
      ok: false,
      message:
        "Не найдена строка заголовков формы 1: нужны столбцы «Муниципальный район» и «Общеобразовательная организация» в первых 15 строках.",
    };
  const map = mapHeader(rows[headerAt].cells.map(cellText));
  const missing = (Object.keys(FORM1_COLUMNS) as Form1Column[]).filter(
    (k) => FORM1_COLUMNS[k].required && map[k] === undefined,
  );
  if (missing.length)
    return {
      ok: false,
      message: `В файле нет столбцов: ${missing.map((k) => `«${FORM1_COLUMNS[k].title}»`).join(", ")}.`,
    };
  const notes =
    map.contacts === undefined ? ["Столбца «Контакты» нет: контакты организаций не заполняются."] : [];
  const issues: Issue[] = [];
  const records: Form1Record[] = [];
  let municipality = "";
  let dataRows = 0;
  for (const row of rows.slice(headerAt + 1)) {
    const cell = (k: Form1Column) => (map[k] === undefined ? null : (row.cells[map[k]!] ?? null));
    const texts = row.cells.map(cellText).filter(Boolean);
    if (texts.length === 0 || /^итого/i.test(texts[0])) continue;
    // The row of column numbers under the header («1 2 3 4 5 6»).
    if (texts.every((t, i) => t === String(i + 1))) continue;
    dataRows++;
    const issue = (column: Form1Column, message: string, level: Issue["level"] = "error") =>
      issues.push({ row: row.line, column: FORM1_COLUMNS[column].title, message, level });
    const muniText = cellText(cell("municipality"));
    if (muniText) municipality = muniText;
    else if (!municipality) issue("municipality", "Не указан муниципальный район.");
    const name = cellText(cell("organisation")).replace(/\s+/g, " ");
    if (name.length < 3) issue("organisation", "Не указано наименование организации.");
    else if (name.length > 500) issue("organisation", "Наименование длиннее 500 символов.");
    const counts = {} as Record<"learners" | "staff" | "young", number>;
    for (const key of ["learners", "staff", "young"] as const) {
      const parsed = parseCount(cell(key));
      if (!parsed.ok) issue(key, parsed.message);
      else {
        counts[key] = parsed.value;
        if (parsed.empty) issue(key, "Пусто: записан 0.", "warning");
      }
    }
    if (counts.young !== undefined && counts.staff !== undefined && counts.young > counts.staff)
      issue("young", "Молодых специалистов больше, чем педагогических работников.");
    if (issues.some((i) => i.row === row.line && i.level === "error")) continue;
    records.push({
      line: row.line,
      municipality,
      fullName: name,
      shortName: shortOf(name),
      kind: guessKind(name),
      ...parseContacts(cellText(cell("contacts"))),
      learners10to18: counts.learners,
      teachingStaff: counts.staff,
      youngTeachers: counts.young,
    });
  }
  return { ok: true, headerLine: rows[headerAt].line, records, issues, notes, rows: dataRows };
}
