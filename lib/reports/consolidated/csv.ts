/** CSV of one consolidated form: UTF-8 with BOM, «;» as separator, the columns of the XLSX. Pure. */
import { STATUS_HEADER, type Cell, type FormLayout } from "./layout";
import { INCLUDED_STATUS_LABELS } from "./types";

/** A spreadsheet would run a cell starting with these as a formula: such text gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: Cell): string {
  if (value == null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every line names its municipality and organisation, so that the file can be filtered and summed. */
export function buildCsv(layout: FormLayout): string {
  const header = [...layout.columns.map((c) => c.header), STATUS_HEADER];
  const lines = layout.lines.map((line) => [
    ...line.cells,
    line.status ? INCLUDED_STATUS_LABELS[line.status] : null,
  ]);
  return "\uFEFF" + [header, ...lines].map((cells) => cells.map(field).join(";")).join("\r\n") + "\r\n";
}
