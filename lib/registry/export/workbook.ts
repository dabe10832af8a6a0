/** An XLSX file of one register: a title, the organisation, the header of seed 001, the rows. */
import { COLUMNS } from "@/lib/registry/import/columns";
import { REGISTER_TITLES, type RegisterKind } from "@/lib/registry/import/types";
import { addHeader, addRow, addSheet, addTitle, newWorkbook, workbookBuffer } from "@/lib/tabular/xlsx";
import type { ExportCell } from "./layout";

const WIDTHS: Record<RegisterKind, number[]> = {
  mentees: [6, 32, 12, 36, 14, 32, 24, 30, 14, 36, 30, 14, 18],
  mentors: [6, 32, 30, 36, 36, 30, 16, 20, 14, 40, 24, 30, 14, 36, 30, 18],
};

/** Header labels in the seed's order: the first label of each column. */
export function headerOf(kind: RegisterKind): string[] {
  return Object.values(COLUMNS[kind]).map((labels) => labels[0]);
}

export async function buildWorkbook(kind: RegisterKind, orgName: string, rows: ExportCell[][]) {
  const workbook = newWorkbook();
  const header = headerOf(kind);
  const sheet = addSheet(workbook, REGISTER_TITLES[kind], {
    widths: header.map((_, i) => WIDTHS[kind][i] ?? 20),
    ySplit: 3,
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
  return workbookBuffer(workbook);
}
