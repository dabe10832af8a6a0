/** Reading the first register-like sheet of an XLSX workbook into plain rows. No I/O beyond the buffer. */
import ExcelJS from "exceljs";
import type { Cell } from "./values";

export interface SheetRow {
  /** Row number as Excel shows it. */
  line: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A cell without exceljs wrappers: rich text → text, formula → its cached result, link → its text. Merged cells
 * read as the value of their first cell (exceljs does so), which suits a mentor merged over several rows. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value == null) return null;
  if (value instanceof Date || typeof value !== "object") return value as Cell;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === "string" ? text : value.hyperlink;
  }
  if ("result" in value) return plain(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return null;
  if ("error" in value) return null;
  return String(value);
}

/** Every sheet of the workbook, rows with at least one value, in order. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  return workbook.worksheets
    .filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden")
    .map((ws) => {
      const rows: SheetRow[] = [];
      ws.eachRow({ includeEmpty: false }, (row, line) => {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plain(values[i]));
        rows.push({ line, cells });
      });
      return { name: ws.name, rows };
    });
}

/** Whether the bytes are a ZIP container (XLSX), whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
