/** Indicator arithmetic (spec/indicators.md): Σ numerators / Σ denominators, never averaged. Pure. */
import { formatNumber, formatOneDecimal, plural } from "@/lib/format";

export interface Ratio {
  numerator: number;
  denominator: number;
  /** Organisations with an approved report in the year, out of those obliged. */
  covered: number;
  total: number;
}

/** The percentage, or null when the denominator is zero («нет данных»). */
export function percent(r: Pick<Ratio, "numerator" | "denominator">): number | null {
  if (!r.denominator) return null;
  return (r.numerator / r.denominator) * 100;
}

export function formatPercent(value: number | null): string {
  if (value == null || !Number.isFinite(value)) return "нет данных";
  return `${formatOneDecimal(value)} %`;
}

/**
 * «по данным 3 из 5 организаций», «по данным 1 из 1 организации», «… из 21 организации»; large counts with their
 * digits grouped, as everywhere else: «по данным 53 990 из 54 023 организаций».
 */
export function coverageText(r: Pick<Ratio, "covered" | "total">): string {
  return `по данным ${formatNumber(r.covered)} из ${formatNumber(r.total)} ${plural(r.total, "организации", "организаций", "организаций")}`;
}
