/** XLSX of the indicator table in the layout of seed 001 (section 7.7): №, name, a column pair per year. */
import type ExcelJS from "exceljs";
import {
  addHeader,
  addRow,
  addSheet,
  addTitle,
  BORDER,
  newWorkbook,
  workbookBuffer,
} from "@/lib/tabular/xlsx";
import { layoutSheet } from "@/lib/tabular/xlsx-layout";
import { rounded } from "./csv";
import type { BarItem, TableRow } from "./view";

const RED = "FFB91C1C";

function frame(cell: ExcelJS.Cell) {
  cell.border = BORDER;
  cell.alignment = { wrapText: true, vertical: "middle" };
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
  const wb = newWorkbook();
  const years = input.rows[0]?.cells.map((c) => c.year) ?? [];
  const ws = addSheet(wb, "Показатели", {
    widths: [6, 60, ...years.flatMap(() => [10, 11])],
    xSplit: 2,
    ySplit: 5,
  });
  addTitle(ws, "Показатели реализации Целевой модели наставничества");
  addRow(ws, [
    `${input.territory}, ${input.from}–${input.to} гг. Факт — по последнему принятому отчёту каждой организации за год.`,
  ]);
  ws.addRow([]);
  const top = addHeader(ws, ["№", "Наименование показателя", ...years.flatMap((y) => [`${y}г.`, null])]);
  const sub = addHeader(ws, [null, null, ...years.flatMap(() => ["план", "факт"])]);
  for (const row of [top, sub]) row.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  ws.mergeCells(4, 1, 5, 1);
  ws.mergeCells(4, 2, 5, 2);
  years.forEach((_, i) => ws.mergeCells(4, 3 + i * 2, 4, 4 + i * 2));
  for (const r of input.rows) {
    const row = addRow(ws, [r.number, `${r.label}${r.unit === "%" ? ", %" : ", ед."}`]);
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
  const note = ws.addRow(["▼ и красный цвет — факт ниже плана; «нет данных» — знаменатель равен нулю."]);
  note.font = { italic: true };
  layoutSheet(ws, { header: [4, 5], xSplit: 2, maxWidth: 60, spanRows: [1, 2, note.number] });
  return workbookBuffer(wb);
}

/** A chart's data as a sheet: the bars of a year in their order, with the target. */
export async function barsWorkbook(input: {
  title: string;
  unit: "%" | "ед.";
  childLabel: string;
  items: BarItem[];
  target: number | null;
}) {
  const wb = newWorkbook();
  const ws = addSheet(wb, "Данные графика", { widths: [8, 48, 12, 12, 14, 14], ySplit: 3 });
  addTitle(ws, input.title);
  ws.addRow([]);
  const head = addHeader(ws, ["Место", input.childLabel, "Факт", "План", "С отчётом", "Всего"]);
  head.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  input.items.forEach((b, i) => {
    const row = addRow(ws, [b.value == null ? null : i + 1, b.name]);
    value(row.getCell(3), b.value, input.unit, b.below);
    if (input.target != null) value(row.getCell(4), input.target, input.unit);
    row.getCell(5).value = b.covered;
    row.getCell(6).value = b.total;
    for (let c = 1; c <= 6; c++) row.getCell(c).border = BORDER;
  });
  layoutSheet(ws, { header: [3, 3] });
  return workbookBuffer(wb);
}
