/** From the uploaded bytes to the rows under the header of the chosen register. Pure. */
import { readCsv } from "@/lib/tabular/csv";
import { isZip, readXlsx, type SheetRow } from "@/lib/tabular/xlsx";
import { findHeader, headerProblem, type HeaderMatch } from "./columns";
import type { RegisterKind } from "./types";
import { cellText } from "./values";

export const MAX_ROWS = 50_000;

export type Table =
  { ok: true; header: HeaderMatch; headerLine: number; rows: SheetRow[] } | { ok: false; message: string };

function locate(kind: RegisterKind, rows: SheetRow[]): Table {
  const texts = rows.slice(0, 10).map((r) => r.cells.map(cellText));
  const problem = headerProblem(kind, texts);
  if (problem) return { ok: false, message: problem };
  const header = findHeader(kind, texts)!;
  const data = rows.slice(header.index + 1);
  if (data.length > MAX_ROWS)
    return { ok: false, message: `В файле больше ${MAX_ROWS} строк: разделите его на несколько файлов.` };
  return { ok: true, header, headerLine: rows[header.index].line, rows: data };
}

/** XLSX (recognised by its content) or CSV; the first sheet that holds the chosen register. */
export async function readTable(kind: RegisterKind, bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) return { ok: false, message: "Файл пуст." };
  if (!isZip(bytes)) {
    if (bytes.subarray(0, 8).every((b, i) => b === [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1][i]))
      return {
        ok: false,
        message: "Старый формат Excel (.xls) не поддерживается: сохраните файл как .xlsx или .csv.",
      };
    return locate(kind, readCsv(bytes));
  }
  let sheets;
  try {
    sheets = await readXlsx(bytes);
  } catch {
    return { ok: false, message: "Не удалось прочитать файл Excel: он повреждён или это не .xlsx." };
  }
  let first: Table | null = null;
  for (const sheet of sheets) {
    if (sheet.rows.length === 0) continue;
    const table = locate(kind, sheet.rows);
    if (table.ok) return table;
    first ??= table;
  }
  return first ?? { ok: false, message: "В файле нет ни одного заполненного листа." };
}
