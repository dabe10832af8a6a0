/** XLSX over exceljs: the sheet set-up every export repeats, rows with the formula guard, and the reader. */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { assertLaidOut, layoutSheet } from "./xlsx-layout";
import { type Cell, guardCell, unguardText } from "./cell";
import { ZipDamaged, ZipTooLarge, zipBudget, zipEntries, zipText } from "./zip";

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
  layoutSheet(sheet, { header: [3, 3] });
  return workbookBuffer(workbook);
}

/** The file's bytes; every sheet must have been laid out for print (lib/tabular/xlsx-layout.ts). */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  assertLaidOut(workbook);
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
  /** The sheet goes on past `maxRows` rows with values: the rest was not read. */
  more: boolean;
}

/**
 * What the parts of an XLSX read (workbook, styles, shared strings, sheets) may unpack into in all: a
 * 50 000-row register written by Excel or exceljs is about 30 MB of XML.
 */
export const MAX_XLSX_UNPACKED = 64 * 1024 * 1024;
/** Distinct texts of the workbook: a 50 000-row register of 15 columns has at most 750 000. */
export const MAX_SHARED_STRINGS = 1_000_000;

/** A file refused before it was read whole; the message says why, in Russian. */
export class TabularRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TabularRefusal";
  }
}

export const TOO_LARGE_UNPACKED = `Файл Excel слишком велик: в распакованном виде больше ${MAX_XLSX_UNPACKED / 1024 / 1024} МБ. Разделите его на несколько файлов.`;

/** A cell without exceljs wrappers: rich text → text, formula → its cached result, link → its text. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value == null) return null;
  if (typeof value === "string") return unguardText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "object") return value as Cell;
  if ("richText" in value) return unguardText(value.richText.map((r) => r.text).join(""));
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === "string" ? text : value.hyperlink;
  }
  if ("result" in value) return plain(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return null;
  if ("error" in value) return null;
  return String(value);
}

/** A shared string as the sheet's cells will hold it: the guard is undone when the cell is read. */
function sharedText(value: ExcelJS.CellValue): string | null {
  if (value == null) return null;
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((r) => r.text ?? "").join("");
  return String(value);
}

/**
 * What is used of exceljs's streaming WorkbookReader (4.4): its parsers of each part, fed by zipText. Its own
 * unzip is not used: it neither bounds the unpacked size, nor decodes a Cyrillic letter split between two
 * chunks (exceljs#2063: «�» in large files), and it spools sheets to temporary files when the shared strings
 * come after them, as Excel and exceljs write them.
 */
interface PartParsers {
  workbookRels?: { Id: string; Type?: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  sharedStrings?: (string | null)[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ index: number; text: ExcelJS.CellValue }>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

function partParsers(): PartParsers {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "emit",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as PartParsers;
  for (const method of [
    "_parseRels",
    "_parseWorkbook",
    "_parseStyles",
    "_parseSharedStrings",
    "_parseWorksheet",
  ] as const)
    if (typeof reader[method] !== "function") throw new Error(`exceljs: WorkbookReader.${method} is gone`);
  return reader;
}

/** «worksheets/sheet1.xml» (relative to xl/) or «/xl/worksheets/sheet1.xml» → the entry's name. */
function partName(target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}

/** «B12» → [12, 2]. */
function decodeRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

const MAX_MERGES = 50_000;
/** Cells filled from merged ranges: a register merges a mentor over a few rows, not the whole sheet. */
const MAX_MERGED_CELLS = 1_000_000;
/**
 * The longest stretch of XML between two «<» or «>»: a cell holds at most 32 767 characters (Excel's own
 * limit), six times that when every one is escaped. Longer is no spreadsheet but a file built to fill memory.
 */
const MAX_XML_RUN = 256 * 1024;

/** The chunks as they come, refused once a text or a tag runs longer than MAX_XML_RUN. */
async function* xmlChunks(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let run = 0;
  for await (const chunk of chunks) {
    const first = chunk.search(/[<>]/);
    if (first < 0) run += chunk.length;
    else {
      run += first;
      if (run <= MAX_XML_RUN)
        run = chunk.length - 1 - Math.max(chunk.lastIndexOf("<"), chunk.lastIndexOf(">"));
    }
    if (run > MAX_XML_RUN) throw new ZipDamaged("a text or a tag longer than any cell");
    yield chunk;
  }
}

/**
 * Merged cells read as the value of their first cell, as a full reader gives them: a mentor merged over the
 * rows of their mentees belongs to each. Rows that hold nothing but a merged value are added, within the
 * rows read and within `maxRows`.
 */
function applyMerges(rows: SheetRow[], refs: Set<string>, maxRows: number): boolean {
  if (refs.size === 0 || rows.length === 0) return false;
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const lastLine = rows[rows.length - 1].line;
  let added = 0;
  let filled = 0;
  for (const ref of refs) {
    const [from, to] = ref.split(":").map(decodeRef);
    if (!from || !to) continue;
    const value = byLine.get(from[0])?.cells[from[1] - 1] ?? null;
    if (value == null) continue;
    for (let line = from[0]; line <= Math.min(to[0], lastLine); line++) {
      let row = byLine.get(line);
      if (!row) {
        if (rows.length + added >= maxRows) return true;
        row = { line, cells: [] };
        byLine.set(line, row);
        added++;
      }
      for (let col = from[1]; col <= Math.min(to[1], from[1] + 50); col++) {
        if (++filled > MAX_MERGED_CELLS) throw new ZipDamaged("merged ranges over too many cells");
        while (row.cells.length < col) row.cells.push(null);
        if (row.cells[col - 1] == null) row.cells[col - 1] = value;
      }
    }
  }
  if (added) {
    rows.length = 0;
    rows.push(...[...byLine.values()].sort((a, b) => a.line - b.line));
  }
  return false;
}

/**
 * The visible sheets of the workbook in the order of their tabs, each read when the caller asks for it:
 * rows with at least one value, at most `maxRows` of them (`more` tells there were more). The parts read
 * unpack into at most MAX_XLSX_UNPACKED bytes in all (TabularRefusal beyond); a damaged file throws.
 */
export async function* xlsxSheets(
  bytes: Uint8Array,
  options: { maxRows: number; maxUnpacked?: number },
): AsyncGenerator<Sheet> {
  const { maxRows } = options;
  const entries = zipEntries(bytes);
  const budget = zipBudget(options.maxUnpacked ?? MAX_XLSX_UNPACKED);
  const text = (name: string) => {
    const entry = entries.get(name);
    return entry ? xmlChunks(zipText(bytes, entry, budget)) : null;
  };
  const reader = partParsers();
  try {
    const rels = text("xl/_rels/workbook.xml.rels");
    const workbook = text("xl/workbook.xml");
    if (!rels || !workbook) throw new ZipDamaged("not a workbook");
    await reader._parseRels(Readable.from(rels));
    await reader._parseWorkbook(Readable.from(workbook));
    const relations = reader.workbookRels ?? [];
    const part = (type: string, usual: string) =>
      partName(relations.find((r) => r.Type?.endsWith(`/${type}`))?.Target ?? usual);
    const styles = text(part("styles", "styles.xml"));
    if (styles) await reader._parseStyles(Readable.from(styles));
    const shared: (string | null)[] = [];
    const strings = text(part("sharedStrings", "sharedStrings.xml"));
    if (strings)
      for await (const { text: value } of reader._parseSharedStrings(Readable.from(strings))) {
        if (shared.length >= MAX_SHARED_STRINGS) throw new ZipTooLarge(budget.limit);
        shared.push(sharedText(value));
      }
    reader.sharedStrings = shared;
    const targets = new Map(relations.map((r) => [r.Id, partName(r.Target)]));
    for (const sheet of reader.model?.sheets ?? []) {
      if (sheet.state === "hidden" || sheet.state === "veryHidden") continue;
      const name = targets.get(sheet.rId);
      const xml = name ? text(name) : null;
      if (!xml) continue;
      // Merged ranges follow the rows in the sheet's XML, which exceljs's reader skips: picked out on the way.
      const merges = new Set<string>();
      let tail = "";
      const scanned = async function* () {
        for await (const chunk of xml) {
          const window = tail + chunk;
          if (window.includes("<mergeCell"))
            for (const m of window.matchAll(/<mergeCell\s[^>]*?ref="([A-Z0-9$:]+)"/g))
              if (merges.size < MAX_MERGES) merges.add(m[1]);
          tail = window.slice(-100);
          yield chunk;
        }
      };
      const [{ value: rowsOf }] = [...reader._parseWorksheet(scanned(), "1")];
      const rows: SheetRow[] = [];
      let more = false;
      for await (const row of rowsOf) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        let filled = false;
        for (let i = 1; i < values.length; i++) {
          const cell = plain(values[i]);
          cells.push(cell);
          if (cell != null && cell !== "") filled = true;
        }
        if (!filled) continue;
        if (rows.length >= maxRows) {
          more = true;
          break;
        }
        rows.push({ line: row.number, cells });
      }
      if (!more) more = applyMerges(rows, merges, maxRows);
      yield { name: sheet.name, rows, more };
    }
  } catch (error) {
    if (error instanceof ZipTooLarge) throw new TabularRefusal(TOO_LARGE_UNPACKED);
    throw error;
  }
}

/** Every visible sheet of the workbook (see xlsxSheets). */
export async function readXlsx(bytes: Uint8Array, maxRows = Infinity): Promise<Sheet[]> {
  const sheets: Sheet[] = [];
  for await (const sheet of xlsxSheets(bytes, { maxRows })) sheets.push(sheet);
  return sheets;
}

/** Whether the bytes are a ZIP container (XLSX), whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
