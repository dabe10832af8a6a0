/** Russian formatting of chart values; pure, safe for client and server. */
import { formatNumber, formatUpToOneDecimal } from "@/lib/format";
import { formatPercent } from "@/lib/indicators/formulas";

export type ChartUnit = "%" | "ед.";

/** «72,0 %», «12 ед.», or «нет данных» for null and non-finite values. */
export function formatValue(value: number | null | undefined, unit: ChartUnit): string {
  if (value == null || !Number.isFinite(value)) return "нет данных";
  if (unit === "%") return formatPercent(value);
  return `${formatUpToOneDecimal(value)} ед.`;
}

/** Axis tick: short, without «нет данных». */
export function formatTick(value: number, unit: ChartUnit): string {
  if (!Number.isFinite(value)) return "";
  return unit === "%" ? `${formatNumber(value)} %` : formatNumber(value);
}

/** Whether a fact is below its plan (both known). */
export function belowPlan(fact: number | null | undefined, plan: number | null | undefined): boolean {
  return fact != null && plan != null && Number.isFinite(fact) && Number.isFinite(plan) && fact < plan;
}

/** Sizes of the drawing on the page, or on a slide of `height` px for `rows` bars. */
export function barSizes(size: { width: number; height: number } | null, rows: number) {
  if (!size) return { font: 12, axis: 210, row: 30, value: 12 };
  const row = (size.height - 70) / Math.max(1, rows);
  const font = Math.max(12, Math.min(24, Math.floor(row * 0.42)));
  return {
    font,
    axis: Math.round(size.width * 0.3),
    row,
    value: Math.max(12, Math.min(26, Math.floor(row * 0.5))),
  };
}
