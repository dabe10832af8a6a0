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
