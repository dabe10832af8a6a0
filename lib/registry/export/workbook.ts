/** An XLSX file of one register: a title, the organisation, the header of seed 001, the rows. */
import { COLUMNS } from "@/lib/registry/import/columns";
import { REGISTER_TITLES, type RegisterKind } from "@/lib/registry/import/types";
import { addHeader, addRow, addSheet, addTitle, newWorkbook, workbookBuffer } from "@/lib/tabular/xlsx";
import { layoutSheet } from "@/lib/tabular/xlsx-layout";
import type { ExportCell } from "./layout";

/** Header labels in the seed's order: the first label of each column. */
export function headerOf(kind: RegisterKind): string[] {
  return Object.values(COLUMNS[kind]).map((labels) => labels[0]);
}

export async function buildWorkbook(kind: RegisterKind, orgName: string, rows: ExportCell[][]) {
  const workbook = newWorkbook();
  const header = headerOf(kind);
  const sheet = addSheet(workbook, REGISTER_TITLES[kind], {
    // Widths, heights and print set-up: layoutSheet below, from the header and the rows.
    widths: header.map(() => 12),
  });
  addTitle(sheet, REGISTER_TITLES[kind], 14);
  addRow(sheet, [orgName]);
  addHeader(sheet, header, "bottom");
  for (const cells of rows) {
    const row = addRow(sheet, cells);
    row.alignment = { wrapText: true, vertical: "top" };
    cells.forEach((value, i) => {
      if (value instanceof Date) row.getCell(i + 1).numFmt = "DD.MM.YYYY";
    });
  }
  layoutSheet(sheet, { header: [3, 3], xSplit: 2 });
  return workbookBuffer(workbook);
}
