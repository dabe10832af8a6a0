/** From the uploaded bytes to the rows under the header of the chosen register. Pure. */
import { TabularRefusal, type Sheet, type SheetRow } from "@/lib/tabular/xlsx";
import { uploadSheets } from "@/lib/tabular/upload";
import { findHeader, headerProblem, type HeaderMatch } from "./columns";
import type { RegisterKind } from "./types";
import { cellText } from "./values";

export const MAX_ROWS = 50_000;
/** The header is looked for in the first rows: reading this many tells whether the data rows pass MAX_ROWS. */
const HEADER_SCAN = 10;

export type Table =
  { ok: true; header: HeaderMatch; headerLine: number; rows: SheetRow[] } | { ok: false; message: string };

const TOO_MANY = `В файле больше ${MAX_ROWS} строк: разделите его на несколько файлов.`;

function locate(kind: RegisterKind, sheet: Sheet): Table {
  const { rows } = sheet;
  const texts = rows.slice(0, HEADER_SCAN).map((r) => r.cells.map(cellText));
  const problem = headerProblem(kind, texts);
  if (problem) return { ok: false, message: problem };
  const header = findHeader(kind, texts, HEADER_SCAN)!;
  const data = rows.slice(header.index + 1);
  if (sheet.more || data.length > MAX_ROWS) return { ok: false, message: TOO_MANY };
  return { ok: true, header, headerLine: rows[header.index].line, rows: data };
}

/**
 * XLSX (recognised by its content) or CSV; the first sheet that holds the chosen register. Read as a stream:
 * a sheet stops being read past the row limit, an XLSX past the limit of its unpacked size.
 */
export async function readTable(kind: RegisterKind, bytes: Uint8Array): Promise<Table> {
  let first: Table | null = null;
  try {
    for await (const sheet of uploadSheets(bytes, { maxRows: MAX_ROWS + HEADER_SCAN })) {
      if (sheet.rows.length === 0 && sheet.format === "xlsx") continue;
      const table = locate(kind, sheet);
      if (table.ok) return table;
      first ??= table;
    }
  } catch (error) {
    if (error instanceof TabularRefusal) return { ok: false, message: error.message };
    throw error;
  }
  return first ?? { ok: false, message: "В файле нет ни одного заполненного листа." };
}
