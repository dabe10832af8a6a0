/** An XLSX file of one register: a title, the organisation, the header of seed 001, the rows. */
import ExcelJS from "exceljs";
import { COLUMNS } from "@/lib/registry/import/columns";
import { REGISTER_TITLES, type RegisterKind } from "@/lib/registry/import/types";
import type { ExportCell } from "./layout";

const WIDTHS: Record<RegisterKind, number[]> = {
  mentees: [6, 32, 12, 36, 14, 32, 24, 30, 14, 36, 30, 14],
  mentors: [6, 32, 30, 36, 36, 30, 16, 20, 14, 40, 24, 30, 14, 36, 30],
};

/** Header labels in the seed's order: the first label of each column. */
export function headerOf(kind: RegisterKind): string[] {
  return Object.values(COLUMNS[kind]).map((labels) => labels[0]);
}

export async function buildWorkbook(kind: RegisterKind, orgName: string, rows: ExportCell[][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Наставник";
  const sheet = workbook.addWorksheet(REGISTER_TITLES[kind], {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const header = headerOf(kind);
  sheet.columns = header.map((_, i) => ({ width: WIDTHS[kind][i] ?? 20 }));
  sheet.addRow([REGISTER_TITLES[kind]]).font = { bold: true, size: 14 };
  sheet.addRow([orgName]);
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "top" };
  head.eachCell((cell) => {
    cell.border = { bottom: { style: "thin" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFF3F8" } };
  });
  for (const cells of rows) {
    const row = sheet.addRow(cells);
    row.alignment = { wrapText: true, vertical: "top" };
    cells.forEach((value, i) => {
      if (value instanceof Date) row.getCell(i + 1).numFmt = "DD.MM.YYYY";
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
