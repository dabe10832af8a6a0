/** What a spreadsheet cell holds, the formula-injection guard and the download types. Pure. */

/** A cell as the readers return it and the writers take it. */
export type Cell = string | number | boolean | Date | null;

/** A spreadsheet runs text starting with these as a formula (CSV on opening, XLSX once the cell is edited). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run gets a leading apostrophe; numbers and dates are safe as they are. */
export function guardText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The guard undone, so that a file we wrote reads back to what was stored. */
export function unguardText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Any cell with its text guarded. */
export function guardCell<T extends Cell | undefined>(value: T): T {
  return (typeof value === "string" ? guardText(value) : value) as T;
}

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export type TabularFormat = keyof typeof CONTENT_TYPES;
