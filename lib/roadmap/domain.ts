/**
 * The roadmap («План мероприятий (дорожная карта)», seed 001) without I/O: numbering from the order, the due
 * («Срок реализации») typed as a date, a month or words, and when an item is overdue. Pure: used in the browser.
 */
import type { ROADMAP_DUE_PRECISIONS, ROADMAP_STATUSES } from "@/db/vocabulary";
import type { Tone } from "@/lib/tone";

export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];
export type DuePrecision = (typeof ROADMAP_DUE_PRECISIONS)[number];
export type RoadmapLevel = "organisation" | "municipality" | "region";

export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  planned: "запланировано",
  in_progress: "выполняется",
  done: "выполнено",
  failed: "не выполнено",
};

export const ROADMAP_STATUS_TONES: Record<RoadmapStatus, Tone> = {
  planned: "grey",
  in_progress: "blue",
  done: "green",
  failed: "red",
};

/** Rows a roadmap holds at most: seed 001's has 25; a school's rarely more than 60. */
export const MAX_ROADMAP_ROWS = 300;

/** «1», «1.1», «1.2», «2»… from the order of the rows: a section opens a number, the items under it follow. */
export function roadmapNumbers(rows: readonly { isSection: boolean }[]): string[] {
  let top = 0;
  let sub = 0;
  let inSection = false;
  return rows.map((row) => {
    if (row.isSection) {
      top += 1;
      sub = 0;
      inSection = true;
      return String(top);
    }
    if (inSection) return `${top}.${++sub}`;
    return String(++top);
  });
}

/** A parsed «Срок реализации». `note` keeps the words typed (a month range, «по отдельному графику»). */
export interface Due {
  date: string | null;
  precision: DuePrecision | null;
  note: string;
}

export const NO_DUE: Due = { date: null, precision: null, note: "" };

const MONTHS: [RegExp, number][] = [
  [/январ/, 1],
  [/феврал/, 2],
  [/март/, 3],
  [/апрел/, 4],
  [/(?<![а-я])ма[йяе](?![а-я])/, 5],
  [/июн/, 6],
  [/июл/, 7],
  [/август/, 8],
  [/сентябр/, 9],
  [/октябр/, 10],
  [/ноябр/, 11],
  [/декабр/, 12],
];
export const MONTH_NAMES = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];

const pad = (n: number) => String(n).padStart(2, "0");

function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;
export const DUE_HELP =
  "Дата (15.09.2024), месяц («сентябрь 2024» или 09.2024) или словами («по отдельному графику» — тогда срок не отслеживается).";

/**
 * «Срок реализации» as typed or imported: «15.09.2024», «2024-09-15», «09.2024», «2024-09», «сентябрь 2024 г.»,
 * «март–май 2022 г.» (the last month counts), «до 15 сентября 2024 г.», or words with no date. A date that does
 * not exist (31.02.2024) or a year out of range is an error (a string), never words.
 */
export function parseDue(raw: string): Due | string {
  const text = raw.trim().replace(/\s+/g, " ");
  if (!text) return NO_DUE;
  const bad = `Срок: такой даты нет — проверьте «${text.slice(0, 40)}».`;
  const year = (y: number) => y >= YEAR_MIN && y <= YEAR_MAX;
  const yearBad = `Срок: год должен быть от ${YEAR_MIN} до ${YEAR_MAX}.`;
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text) ?? null;
  if (m || (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    const [y, mo, d] = text.includes("-") ? [+m[1], +m[2], +m[3]] : [+m[3], +m[2], +m[1]];
    if (!year(y)) return yearBad;
    const iso = isoDay(y, mo, d);
    return iso ? { date: iso, precision: "day", note: "" } : bad;
  }
  m = /^(\d{1,2})\.(\d{4})$/.exec(text) ?? /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const [y, mo] = text.includes("-") ? [+m[1], +m[2]] : [+m[2], +m[1]];
    if (!year(y)) return yearBad;
    if (mo < 1 || mo > 12) return bad;
    return { date: `${y}-${pad(mo)}-01`, precision: "month", note: "" };
  }
  if (/^[\d.\-/ ]+$/.test(text)) return bad;
  const lower = text.toLowerCase();
  const years = [...lower.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((x) => +x[1]);
  const named = MONTHS.filter(([re]) => re.test(lower)).map(([, n]) => n);
  if (years.length === 1 && named.length > 0 && !/в течени|по отдельн|в соответстви/.test(lower)) {
    const y = years[0];
    if (!year(y)) return yearBad;
    const last = lastNamedMonth(lower, named);
    const day = /(?:^|до |по )(\d{1,2}) [а-я]+ \d{4}/.exec(lower);
    if (day) {
      const iso = isoDay(y, last, +day[1]);
      return iso ? { date: iso, precision: "day", note: text } : bad;
    }
    return { date: `${y}-${pad(last)}-01`, precision: "month", note: text };
  }
  return { date: null, precision: null, note: text };
}

/** The month named last in the text («март–май» → май). */
function lastNamedMonth(lower: string, named: number[]): number {
  let best = named[0];
  let at = -1;
  for (const [re, n] of MONTHS) {
    const found = lower.search(re);
    if (found > at && named.includes(n)) {
      at = found;
      best = n;
    }
  }
  return best;
}

/** The last day an item may be done on time: the day itself, or the month's last day. */
export function dueEnd(date: string, precision: DuePrecision): string {
  if (precision === "day") return date;
  const [y, m] = date.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(last)}`;
}

/** «15.09.2024», «сентябрь 2024 г.», or the words typed. */
export function dueText(item: {
  dueDate: string | null;
  duePrecision: DuePrecision | null;
  dueNote: string;
}) {
  if (item.dueNote) return item.dueNote;
  if (!item.dueDate || !item.duePrecision) return "";
  const [y, m, d] = item.dueDate.split("-");
  return item.duePrecision === "day" ? `${d}.${m}.${y}` : `${MONTH_NAMES[+m - 1]} ${y} г.`;
}

/** Open = not yet settled: planned or in progress. */
export const isOpen = (status: RoadmapStatus) => status === "planned" || status === "in_progress";

/** Overdue: open, with a due whose last day is before `today` (the region's, YYYY-MM-DD). */
export function isItemOverdue(
  item: {
    isSection: boolean;
    status: RoadmapStatus;
    dueDate: string | null;
    duePrecision: DuePrecision | null;
  },
  today: string,
): boolean {
  if (item.isSection || !isOpen(item.status) || !item.dueDate || !item.duePrecision) return false;
  return dueEnd(item.dueDate, item.duePrecision) < today;
}

/** A status typed in a file: the labels, any case; empty is «запланировано»; null when unknown. */
export function parseStatus(raw: string): RoadmapStatus | null {
  const t = raw.trim().toLowerCase().replace(/ё/g, "е");
  if (!t) return "planned";
  const hit = (Object.entries(ROADMAP_STATUS_LABELS) as [RoadmapStatus, string][]).find(
    ([, label]) => label.replace(/ё/g, "е") === t,
  );
  return hit?.[0] ?? null;
}
