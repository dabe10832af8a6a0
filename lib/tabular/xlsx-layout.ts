/**
 * Print-ready XLSX sheets for the office suites schools use. LibreOffice neither sizes rows to wrapped text nor
 * widens columns itself, so the layout is computed here: column widths from the headers and contents, row heights
 * from the wrapped line count, A4 landscape one page wide, the header repeated on every page and frozen on screen.
 */
import type ExcelJS from "exceljs";
import { textOf, wrapLines, longestWord, textWidth } from "./xlsx-text";

/**
 * Every cell in the workbook's default font (Calibri 11): a column's width is counted in that font's digits, so text
 * in the same font wraps alike in Excel and in a LibreOffice that substitutes another font for both. A font set as
 * `{ bold: true }` alone has no name, and LibreOffice then prints it in a wide serif: the name is filled in here.
 */
export const FONT_NAME = "Calibri";
export const FONT_SIZE = 11;
/** Headers a point smaller: their long words set the narrowest a column can be. */
export const HEADER_SIZE = 10;

export interface SheetLayout {
  /** The header rows, first and last (1-based): repeated on every printed page and frozen on screen. */
  header: [number, number];
  /** Columns frozen on the left as well. */
  xSplit?: number;
  /** The widest a column grows for its contents, in characters (longer texts wrap). */
  maxWidth?: number;
  /** Rows whose one text spans the whole table (titles, notes); by default the rows above the header. */
  spanRows?: number[];
}

/** The sum of column widths that prints at a readable scale on A4 landscape (about 146 characters at 100 %). */
const PAGE_BUDGET = 190;
const HEADER_LINES = 5;
const laidOut = new WeakSet<ExcelJS.Worksheet>();

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** The merged ranges of a sheet, parsed from exceljs's «A1:C2». */
export function mergedRanges(sheet: ExcelJS.Worksheet): Range[] {
  return (sheet.model.merges ?? []).map((range: string) => {
    const [a, b] = range.split(":").map((ref) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      return { col: colNumber(m[1]), row: Number(m[2]) };
    });
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
}

const lineHeight = (size: number) => Math.round(size * 1.36 * 4) / 4;

/** Lays the sheet out for screen and print; every sheet a workbook writes goes through here. */
export function layoutSheet(sheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  const [first, last] = layout.header;
  const columns = Math.max(sheet.columnCount, 1);
  const rows = sheet.rowCount;
  const span = new Set(layout.spanRows ?? Array.from({ length: first - 1 }, (_, i) => i + 1));

  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      const header = r >= first && r <= last;
      const font = cell.font ?? {};
      const size = font.size ?? (header ? HEADER_SIZE : FONT_SIZE);
      cell.font = { ...font, name: font.name ?? FONT_NAME, family: 2, size };
      if (span.has(r)) continue;
      const align = cell.alignment ?? {};
      cell.alignment = header
        ? { ...align, wrapText: true, vertical: "middle", horizontal: align.horizontal ?? "center" }
        : { ...align, wrapText: true, vertical: align.vertical ?? "top" };
    }
  }
  for (const r of span) {
    if (columns > 1 && !sheet.getCell(r, 2).isMerged && sheet.getCell(r, 1).value != null)
      sheet.mergeCells(r, 1, r, columns);
    const cell = sheet.getCell(r, 1);
    cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: "top" };
  }

  const merges = mergedRanges(sheet);
  const widths = columnWidths(sheet, { first, last, columns, span, merges, max: layout.maxWidth ?? 50 });
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  rowHeights(sheet, { columns, merges, widths });

  Object.assign(sheet.pageSetup, {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${first}:${last}`,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.55, header: 0.25, footer: 0.25 },
  });
  sheet.headerFooter.oddFooter = "&C&8Страница &P из &N";
  sheet.views = [{ state: "frozen", xSplit: layout.xSplit ?? 0, ySplit: last }];
  laidOut.add(sheet);
}

/** Refuses a workbook with a sheet that skipped layoutSheet: it would print cut and unreadable. */
export function assertLaidOut(workbook: ExcelJS.Workbook): void {
  const missed = workbook.worksheets.filter((ws) => !laidOut.has(ws)).map((ws) => ws.name);
  if (missed.length) throw new Error(`XLSX: лист без разметки для печати: ${missed.join(", ")}`);
}

function columnWidths(
  sheet: ExcelJS.Worksheet,
  o: { first: number; last: number; columns: number; span: Set<number>; merges: Range[]; max: number },
): number[] {
  const wide = (r: number, c: number) =>
    o.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && m.right > m.left);
  const want: number[] = [];
  const floor: number[] = [];
  /** A column's long text: the one most of its cells stay within (the 90th percentile), and whether bold. */
  const typical: { text: string; bold: boolean }[] = [];
  for (let c = 1; c <= o.columns; c++) {
    let head = 0;
    let headFloor = 0;
    let body = 0;
    let bodyFloor = 0;
    const texts: { text: string; bold: boolean; width: number }[] = [];
    for (let r = o.first; r <= sheet.rowCount; r++) {
      if (o.span.has(r) || wide(r, c)) continue;
      const cell = sheet.getCell(r, c);
      if (cell.isMerged && cell.master !== cell) continue;
      const text = textOf(cell);
      if (!text) continue;
      const bold = Boolean(cell.font?.bold);
      const scale = (cell.font?.size ?? FONT_SIZE) / FONT_SIZE;
      const word = longestWord(text, bold) * scale;
      if (r <= o.last) {
        headFloor = Math.max(headFloor, word);
        head = Math.max(head, (textWidth(text, bold) * scale) / HEADER_LINES, word);
      } else {
        // A long word in the body (a link) may break: office suites do break it rather than spill.
        bodyFloor = Math.max(bodyFloor, Math.min(word, 20));
        const longest = Math.max(...text.split("\n").map((line) => textWidth(line, bold) * scale));
        body = Math.max(body, longest);
        texts.push({ text, bold, width: longest });
      }
    }
    texts.sort((a, b) => a.width - b.width);
    typical.push(texts[Math.floor(0.9 * (texts.length - 1))] ?? { text: "", bold: false });
    const pad = 1.5;
    floor.push(Math.max(headFloor, bodyFloor, 4) + pad);
    want.push(Math.max(head, Math.min(body, o.max), 4) + pad);
  }
  // Too wide for a readable page: narrow first the column whose texts take the fewest lines (the row's height is
  // its tallest cell's), never below a header's longest word.
  const lines = (i: number) => wrapLines(typical[i].text, want[i] - 2, typical[i].bold);
  let total = want.reduce((a, b) => a + b, 0);
  while (total > PAGE_BUDGET) {
    let at = -1;
    for (let i = 0; i < want.length; i++)
      if (
        want[i] - 1 >= floor[i] &&
        (at < 0 || lines(i) < lines(at) || (lines(i) === lines(at) && want[i] > want[at]))
      )
        at = i;
    if (at < 0) break;
    want[at] -= 1;
    total -= 1;
  }
  return want.map((w) => Math.round(w * 10) / 10);
}

function rowHeights(sheet: ExcelJS.Worksheet, o: { columns: number; merges: Range[]; widths: number[] }) {
  const heights: number[] = [];
  const tall: { range: Range; need: number }[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    let height = lineHeight(FONT_SIZE) + 2;
    for (let c = 1; c <= o.columns; c++) {
      const cell = sheet.getCell(r, c);
      if (cell.isMerged && cell.master !== cell) continue;
      const text = textOf(cell);
      if (!text) continue;
      const range = o.merges.find((m) => m.top === r && m.left === c) ?? {
        top: r,
        left: c,
        bottom: r,
        right: c,
      };
      const width = o.widths.slice(range.left - 1, range.right).reduce((a, b) => a + b, 0);
      const size = cell.font?.size ?? FONT_SIZE;
      // The cell's margins take about half a character; sizes other than 11 pt scale the characters too.
      const lines = cell.alignment?.wrapText
        ? wrapLines(text, (width - 0.5) * (FONT_SIZE / size), Boolean(cell.font?.bold))
        : 1;
      const need = lines * lineHeight(size) + 2;
      if (range.bottom > r) tall.push({ range, need });
      else height = Math.max(height, need);
    }
    heights[r] = height;
  }
  // A cell merged down several rows: the rows together must hold it; the last one takes what is missing.
  for (const { range, need } of tall) {
    let have = 0;
    for (let r = range.top; r <= range.bottom; r++) have += heights[r];
    if (have < need) heights[range.bottom] += need - have;
  }
  for (let r = 1; r <= sheet.rowCount; r++) sheet.getRow(r).height = heights[r];
}
