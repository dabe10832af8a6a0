/** XLSX of the consolidated forms: a sheet per form in the Omsk layout, totals in bold, numbers as numbers. */
import ExcelJS from "exceljs";
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

function addSheet(workbook: ExcelJS.Workbook, layout: FormLayout, input: WorkbookInput) {
  const sheet = workbook.addWorksheet(SHORT_TITLES[layout.key], {
    views: [{ state: "frozen", ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 },
    },
  });
  const columns = [...layout.columns, { header: STATUS_HEADER, width: 14 }];
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.addRow([titleOf(layout.key, input.period, input.territory)]).font = { bold: true, size: 13 };
  sheet.addRow([contentNote(input.includeSubmitted)]);
  sheet.addRow([]);
  const head = sheet.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "top" };
  head.eachCell((cell) => {
    cell.border = {
      top: { style: "thin" },
      bottom: { style: "thin" },
      left: { style: "thin" },
      right: { style: "thin" },
    };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFF3F8" } };
  });
  if (layout.lines.length === 0) {
    sheet.addRow(["Нет отчётов за период."]).font = { italic: true };
    return;
  }
  const cells = omskCells(layout.lines);
  layout.lines.forEach((line, i) => {
    const status = line.status ? INCLUDED_STATUS_LABELS[line.status] : null;
    const row = sheet.addRow([...cells[i], status]);
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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Наставник";
  for (const layout of input.layouts) addSheet(workbook, layout, input);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
