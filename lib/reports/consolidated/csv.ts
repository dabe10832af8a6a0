/** CSV of one consolidated form: the columns of the XLSX, in the house CSV format (lib/tabular). Pure. */
import { toCsv } from "@/lib/tabular/csv";
import { STATUS_HEADER, type FormLayout } from "./layout";
import { INCLUDED_STATUS_LABELS } from "./types";

/**
 * Every line names its municipality and organisation, so that the file can be filtered and summed; a column under
 * a merged group header is named with its group («Количество вовлеченных в программу: наставников, чел»).
 */
export function buildCsv(layout: FormLayout): string {
  const header = [...layout.columns.map((c) => c.name), STATUS_HEADER];
  const lines = layout.lines.map((line) => [
    ...line.cells,
    line.status ? INCLUDED_STATUS_LABELS[line.status] : null,
  ]);
  return toCsv(header, lines);
}
