/**
 * XLSX of the consolidated forms: a sheet per form in the Omsk layout, with the seed's merged two-row header
 * («Количество вовлеченных в программу» over «наставников | наставляемых»), totals in bold, numbers as numbers.
 */
import type ExcelJS from "exceljs";
import { headerGrid, type FormColumn, type HeadCell } from "../headings";
import { type Period } from "../domain";
import { labelSpan, omskCells, STATUS_HEADER, totalLabel, type FormLayout } from "./layout";
import { contentNote, titleOf } from "./titles";
import { INCLUDED_STATUS_LABELS, SHORT_TITLES } from "./types";
import {
  addRow,
  addSheet,
  addTitle,
  BORDER,
  HEAD_FILL,
  newWorkbook,
  workbookBuffer,
} from "@/lib/tabular/xlsx";
import { layoutSheet } from "@/lib/tabular/xlsx-layout";

export interface WorkbookInput {
  layouts: FormLayout[];
  period: Period;
  territory: string;
  includeSubmitted: boolean;
}

/** The first header row: title, the seed's heading and the note on what is included come above it. */
export const HEADER_ROW = 4;

/** Writes the header grid from `top`, merging each cell over its span; returns the last header row. */
export function writeHeaderGrid(sheet: ExcelJS.Worksheet, grid: HeadCell[][], top: number): number {
  const width = Math.max(...grid[0].map((c) => c.col + c.colSpan));
  grid.forEach((cells, i) => {
    const row = sheet.getRow(top + i);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.fill = HEAD_FILL;
      cell.font = { bold: true };
    }
    for (const h of cells) {
      row.getCell(h.col + 1).value = h.text;
      if (h.colSpan > 1 || h.rowSpan > 1)
        sheet.mergeCells(top + i, h.col + 1, top + i + h.rowSpan - 1, h.col + h.colSpan);
    }
  });
  return top + grid.length - 1;
}

function addFormSheet(workbook: ExcelJS.Workbook, layout: FormLayout, input: WorkbookInput) {
  const columns: FormColumn[] = [
    ...layout.columns,
    { id: "status", header: STATUS_HEADER, name: STATUS_HEADER },
  ];
  const sheet = addSheet(workbook, SHORT_TITLES[layout.key], { widths: columns.map(() => 12) });
  addTitle(sheet, titleOf(layout.key, input.period, input.territory));
  addRow(sheet, [layout.heading]).font = { bold: true, size: 11 };
  addRow(sheet, [contentNote(input.includeSubmitted)]);
  const last = writeHeaderGrid(sheet, headerGrid(columns), HEADER_ROW);
  const notes: number[] = [1, 2, 3];
  if (layout.lines.length === 0) {
    const row = sheet.addRow(["Нет отчётов за период."]);
    row.font = { italic: true };
    notes.push(row.number);
  }
  const span = labelSpan(layout.columns);
  const cells = omskCells(layout.lines);
  layout.lines.forEach((line, i) => {
    const status = line.status ? INCLUDED_STATUS_LABELS[line.status] : null;
    const total = line.kind === "total" || line.kind === "distinct";
    const values = total
      ? [totalLabel(line), ...Array(span - 1).fill(null), ...line.cells.slice(span), null]
      : [...cells[i], status];
    const row = addRow(sheet, values);
    for (let c = 1; c <= columns.length; c++) row.getCell(c).border = BORDER;
    if (total) {
      row.font = { bold: line.kind === "total", italic: line.kind === "distinct" };
      sheet.mergeCells(row.number, 1, row.number, span);
    }
    if (line.kind === "empty") row.getCell(3).font = { italic: true };
    if (line.status === "submitted")
      row.getCell(columns.length).font = { bold: true, color: { argb: "FF9A3412" } };
    layout.columns.forEach((c, j) => {
      if (c.numeric) {
        row.getCell(j + 1).numFmt = "0";
        row.getCell(j + 1).alignment = { horizontal: "right", vertical: "top" };
      }
    });
  });
  sheet.addRow([]);
  for (const note of layout.notes) {
    const row = addRow(sheet, [note]);
    row.font = { italic: true, size: 9 };
    notes.push(row.number);
  }
  layoutSheet(sheet, { header: [HEADER_ROW, last], spanRows: notes });
}

export async function buildConsolidatedWorkbook(input: WorkbookInput): Promise<Buffer> {
  const workbook = newWorkbook();
  for (const layout of input.layouts) addFormSheet(workbook, layout, input);
  return workbookBuffer(workbook);
}
