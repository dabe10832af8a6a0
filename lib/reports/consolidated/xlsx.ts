/** XLSX of the consolidated forms: a sheet per form in the Omsk layout, totals in bold, numbers as numbers. */
import type ExcelJS from "exceljs";
import { addHeader, addRow, addSheet, addTitle, newWorkbook, workbookBuffer } from "@/lib/tabular/xlsx";
import { type Period } from "../domain";
import { omskCells, STATUS_HEADER, type FormLayout } from "./layout";
import { contentNote, titleOf } from "./titles";
import { INCLUDED_STATUS_LABELS, SHORT_TITLES } from "./types";

export interface WorkbookInput {
  layouts: FormLayout[];
  period: Period;
  territory: string;
  includeSubmitted: boolean;
}

const HEADER_ROW = 4;

function addFormSheet(workbook: ExcelJS.Workbook, layout: FormLayout, input: WorkbookInput) {
  const columns = [...layout.columns, { header: STATUS_HEADER, width: 14 }];
  const sheet = addSheet(workbook, SHORT_TITLES[layout.key], {
    widths: columns.map((c) => c.width),
    ySplit: HEADER_ROW,
    pageSetup: {
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 },
    },
  });
  addTitle(sheet, titleOf(layout.key, input.period, input.territory));
  addRow(sheet, [contentNote(input.includeSubmitted)]);
  sheet.addRow([]);
  addHeader(
    sheet,
    columns.map((c) => c.header),
  );
  if (layout.lines.length === 0) {
    sheet.addRow(["Нет отчётов за период."]).font = { italic: true };
    return;
  }
  const cells = omskCells(layout.lines);
  layout.lines.forEach((line, i) => {
    const status = line.status ? INCLUDED_STATUS_LABELS[line.status] : null;
    const row = addRow(sheet, [...cells[i], status]);
    row.alignment = { wrapText: true, vertical: "top" };
    if (line.kind === "total") row.font = { bold: true };
    if (line.kind === "empty") row.getCell(3).font = { italic: true };
    if (line.status === "submitted")
      row.getCell(columns.length).font = { bold: true, color: { argb: "FF9A3412" } };
    layout.columns.forEach((c, j) => {
      if (c.numeric) row.getCell(j + 1).numFmt = "0";
    });
  });
}

export async function buildConsolidatedWorkbook(input: WorkbookInput): Promise<Buffer> {
  const workbook = newWorkbook();
  for (const layout of input.layouts) addFormSheet(workbook, layout, input);
  return workbookBuffer(workbook);
}
