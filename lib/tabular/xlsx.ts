/** XLSX over exceljs: the sheet set-up every export repeats, rows with the formula guard, and the reader. */
import ExcelJS from "exceljs";
import { type Cell, guardCell, unguardText } from "./cell";

const THIN = { style: "thin" } as const;
/** A thin frame on all four sides. */
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** The pale blue of header cells. */
export const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFF3F8" } };

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Наставник";
  return workbook;
}

/** A sheet frozen above (and left of) its header, printed landscape on A4 pages one page wide. */
export function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  options: { widths: number[]; ySplit?: number; xSplit?: number; pageSetup?: Partial<ExcelJS.PageSetup> },
): ExcelJS.Worksheet {
  const { widths, ySplit, xSplit, pageSetup } = options;
  const sheet = workbook.addWorksheet(name, {
    views: ySplit || xSplit ? [{ state: "frozen", xSplit, ySplit }] : undefined,
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...pageSetup,
    },
  });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

/** A row whose text cells carry the formula guard. */
export function addRow(sheet: ExcelJS.Worksheet, values: readonly (Cell | undefined)[]): ExcelJS.Row {
  return sheet.addRow(values.map(guardCell));
}

/** A bold title line. */
export function addTitle(sheet: ExcelJS.Worksheet, text: string, size = 13): ExcelJS.Row {
  const row = addRow(sheet, [text]);
  row.font = { bold: true, size };
  return row;
}

/** A header row: bold, wrapped, on the pale fill, framed all round or underlined only. */
export function addHeader(
  sheet: ExcelJS.Worksheet,
  labels: readonly (string | null)[],
  frame: "all" | "bottom" = "all",
): ExcelJS.Row {
  const row = addRow(sheet, labels);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "top" };
  // Empty cells too: a label merged over several columns leaves them null.
  labels.forEach((_, i) => {
    const cell = row.getCell(i + 1);
    cell.border = frame === "all" ? BORDER : { bottom: THIN };
    cell.fill = HEAD_FILL;
  });
  return row;
}

/** A plain list: title, header and rows framed, numbers as numbers. */
export async function listWorkbook(input: {
  sheet: string;
  title: string;
  header: string[];
  rows: Cell[][];
  widths: number[];
}): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = addSheet(workbook, input.sheet, { widths: input.widths, ySplit: 3 });
  addTitle(sheet, input.title);
  sheet.addRow([]);
  addHeader(sheet, input.header);
  for (const cells of input.rows) {
    const row = addRow(sheet, cells);
    for (let c = 1; c <= input.header.length; c++) row.getCell(c).border = BORDER;
  }
  return workbookBuffer(workbook);
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

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
  if (typeof value === "string") return unguardText(value);
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

/** Every visible sheet of the workbook, rows with at least one value, in order. */
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
