/** CSV of the indicator table and of a chart's data, in the house CSV format (lib/tabular). Pure. */
import { toCsv } from "@/lib/tabular/csv";
import { coverageText } from "./formulas";
import type { BarItem, TableRow } from "./view";

/** A value as the file shows it: one decimal for a percentage, whole for a count. */
export function rounded(v: number | null, unit: "%" | "ед."): number | null {
  if (v == null || !Number.isFinite(v)) return null;
  return unit === "%" ? Math.round(v * 10) / 10 : v;
}

const yesNo = (below: boolean, fact: number | null, plan: number | null) =>
  fact == null || plan == null ? "" : below ? "да" : "нет";

/** The table as one line per indicator and year, so that the file can be filtered and charted. */
export function tableCsv(territory: string, rows: TableRow[]): string {
  const header = [
    "Территория",
    "№",
    "Показатель",
    "Единица",
    "Год",
    "План",
    "Факт",
    "Ниже плана",
    "Числитель",
    "Знаменатель",
    "Организаций с принятым отчётом",
    "Организаций всего",
  ];
  const lines = rows.flatMap((r) =>
    r.cells.map((c) => [
      territory,
      r.number,
      r.label,
      r.unit,
      c.year,
      rounded(c.plan, r.unit),
      c.fact == null ? "нет данных" : rounded(c.fact, r.unit),
      yesNo(c.below, c.fact, c.plan),
      c.numerator,
      c.denominator,
      c.covered,
      c.total,
    ]),
  );
  return toCsv(header, lines);
}

/** One indicator over the years: fact, plan and coverage. */
export function lineCsv(row: TableRow): string {
  return toCsv(
    ["Год", `Факт, ${row.unit}`, `План, ${row.unit}`, "Ниже плана", "Охват"],
    row.cells.map((c) => [
      c.year,
      c.fact == null ? "нет данных" : rounded(c.fact, row.unit),
      rounded(c.plan, row.unit),
      yesNo(c.below, c.fact, c.plan),
      coverageText(c),
    ]),
  );
}

/** The bars of a year in their order (descending), with the target. */
export function barsCsv(
  unit: "%" | "ед.",
  childLabel: string,
  items: BarItem[],
  target: number | null,
): string {
  return toCsv(
    ["Место", childLabel, `Факт, ${unit}`, `План, ${unit}`, "Ниже плана", "Охват"],
    items.map((b, i) => [
      b.value == null ? null : i + 1,
      b.name,
      b.value == null ? "нет данных" : rounded(b.value, unit),
      rounded(target, unit),
      yesNo(b.below, b.value, target),
      coverageText(b),
    ]),
  );
}
