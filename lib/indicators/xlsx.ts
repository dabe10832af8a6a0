/** XLSX of the indicator table in the layout of seed 001 (section 7.7): №, name, a column pair per year. */
import ExcelJS from "exceljs";
import { rounded } from "./csv";
import type { BarItem, TableRow } from "./view";

const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const HEAD_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFF3F8" } } as const;
const RED = "FFB91C1C";

function frame(cell: ExcelJS.Cell, head = false) {
  cell.border = BORDER;
  cell.alignment = { wrapText: true, vertical: "middle", horizontal: head ? "center" : undefined };
  if (head) {
    cell.fill = HEAD_FILL;
    cell.font = { bold: true };
  }
}

/** A value cell: a number with its format, «нет данных» as text, a fact below plan in red with «▼». */
function value(cell: ExcelJS.Cell, v: number | null, unit: "%" | "ед.", below = false) {
  const n = rounded(v, unit);
  cell.value = n ?? "нет данных";
  if (n == null) {
    cell.font = { italic: true, color: { argb: "FF475569" } };
  } else {
    const fmt = unit === "%" ? "0.0" : "0";
    cell.numFmt = below ? `"▼ "${fmt}` : fmt;
    if (below) cell.font = { bold: true, color: { argb: RED } };
  }
  cell.alignment = { horizontal: "right", vertical: "middle" };
}

export async function tableWorkbook(input: {
  territory: string;
  from: number;
  to: number;
  rows: TableRow[];
}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Наставник";
  const years = input.rows[0]?.cells.map((c) => c.year) ?? [];
  const ws = wb.addWorksheet("Показатели", {
    views: [{ state: "frozen", xSplit: 2, ySplit: 5 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 6 }, { width: 60 }, ...years.flatMap(() => [{ width: 10 }, { width: 11 }])];
  ws.addRow(["Показатели реализации Целевой модели наставничества"]).font = { bold: true, size: 13 };
  ws.addRow([
    `${input.territory}, ${input.from}–${input.to} гг. Факт — по последнему принятому отчёту каждой организации за год.`,
  ]);
  ws.addRow([]);
  const top = ws.addRow(["№", "Наименование показателя", ...years.flatMap((y) => [`${y}г.`, null])]);
  const sub = ws.addRow([null, null, ...years.flatMap(() => ["план", "факт"])]);
  ws.mergeCells(4, 1, 5, 1);
  ws.mergeCells(4, 2, 5, 2);
  years.forEach((_, i) => ws.mergeCells(4, 3 + i * 2, 4, 4 + i * 2));
  for (const row of [top, sub]) for (let c = 1; c <= 2 + years.length * 2; c++) frame(row.getCell(c), true);
  for (const r of input.rows) {
    const row = ws.addRow([r.number, `${r.label}${r.unit === "%" ? ", %" : ", ед."}`]);
    frame(row.getCell(1));
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
    frame(row.getCell(2));
    r.cells.forEach((c, i) => {
      const plan = row.getCell(3 + i * 2);
      const fact = row.getCell(4 + i * 2);
      frame(plan);
      frame(fact);
      if (c.plan == null) plan.value = null;
      else value(plan, c.plan, r.unit);
      value(fact, c.fact, r.unit, c.below);
    });
  }
  const cover = ws.addRow([null, "Охват данными: организаций с принятым отчётом из обязанных участвовать"]);
  frame(cover.getCell(1));
  frame(cover.getCell(2));
  (input.rows[0]?.cells ?? []).forEach((c, i) => {
    ws.mergeCells(cover.number, 3 + i * 2, cover.number, 4 + i * 2);
    const cell = cover.getCell(3 + i * 2);
    cell.value = `${c.covered} из ${c.total}`;
    frame(cell);
    cell.alignment = { horizontal: "center" };
  });
  ws.addRow([]);
  ws.addRow([null, "▼ и красный цвет — факт ниже плана; «нет данных» — знаменатель равен нулю."]).font = {
    italic: true,
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A chart's data as a sheet: the bars of a year in their order, with the target. */
export async function barsWorkbook(input: {
  title: string;
  unit: "%" | "ед.";
  childLabel: string;
  items: BarItem[];
  target: number | null;
}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Наставник";
  const ws = wb.addWorksheet("Данные графика");
  ws.columns = [{ width: 8 }, { width: 48 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 14 }];
  ws.addRow([input.title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ws.addRow(["Место", input.childLabel, "Факт", "План", "С отчётом", "Всего"]);
  head.eachCell((c) => frame(c, true));
  input.items.forEach((b, i) => {
    const row = ws.addRow([b.value == null ? null : i + 1, b.name]);
    value(row.getCell(3), b.value, input.unit, b.below);
    if (input.target != null) value(row.getCell(4), input.target, input.unit);
    row.getCell(5).value = b.covered;
    row.getCell(6).value = b.total;
    for (let c = 1; c <= 6; c++) row.getCell(c).border = BORDER;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
