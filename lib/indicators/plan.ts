import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "@/db";
import { targets } from "@/db/schema";
import { INDICATOR_BY_CODE, type IndicatorCode } from "./definitions";
import { countryPlanFrom, type RegionPlanWeight } from "./national";
import { childSums } from "./queries";
import type { TerritoryRef } from "./ref";

export type PlanSource = "municipality" | "region" | "country";
export interface PlanValue {
  value: number;
  source: PlanSource;
}

/**
 * The plan that applies to a territory, keyed «code:year»: a municipality's own plan where the admin set one,
 * else the region's; an organisation is measured against its municipality's plan. Shares carry over between
 * levels; a count (indicator 2) does not: it applies only to the territory it was set for.
 */
export async function effectivePlan(
  ref: TerritoryRef,
  years: number[],
  codes?: IndicatorCode[],
): Promise<Map<string, PlanValue>> {
  if (years.length === 0) return new Map();
  if (ref.level === "country") return countryPlan(years, codes);
  const { regionId, municipalityId, level } = ref;
  const db = await getDb();
  const rows = await db
    .select({
      indicator: targets.indicator,
      year: targets.year,
      value: targets.value,
      municipalityId: targets.municipalityId,
    })
    .from(targets)
    .where(
      and(
        eq(targets.regionId, regionId),
        inArray(targets.year, years),
        codes ? inArray(targets.indicator, codes) : undefined,
        municipalityId == null
          ? isNull(targets.municipalityId)
          : or(isNull(targets.municipalityId), eq(targets.municipalityId, municipalityId)),
      ),
    );
  const isCount = (code: string) => INDICATOR_BY_CODE[code as IndicatorCode]?.unit === "ед.";
  const applies = (code: string, source: PlanSource) => !isCount(code) || source === level;
  const out = new Map<string, PlanValue>();
  for (const r of rows.filter((r) => r.municipalityId == null && applies(r.indicator, "region")))
    out.set(`${r.indicator}:${r.year}`, { value: Number(r.value), source: "region" });
  for (const r of rows.filter((r) => r.municipalityId != null && applies(r.indicator, "municipality")))
    out.set(`${r.indicator}:${r.year}`, { value: Number(r.value), source: "municipality" });
  return out;
}

/**
 * The country has no plan of its own: for a share, the regions' plans weighted by each region's denominator of
 * the indicator that year (as the facts are summed); a count (indicator 2) has none.
 */
async function countryPlan(years: number[], codes?: IndicatorCode[]): Promise<Map<string, PlanValue>> {
  const db = await getDb();
  const [rows, sums] = await Promise.all([
    db
      .select({
        regionId: targets.regionId,
        indicator: targets.indicator,
        year: targets.year,
        value: targets.value,
      })
      .from(targets)
      .where(
        and(
          isNull(targets.municipalityId),
          inArray(targets.year, years),
          codes ? inArray(targets.indicator, codes) : undefined,
        ),
      ),
    childSums(years),
  ]);
  const plans: RegionPlanWeight[] = rows.map((r) => ({
    regionId: r.regionId,
    code: r.indicator as IndicatorCode,
    year: r.year,
    value: Number(r.value),
  }));
  const out = new Map<string, PlanValue>();
  for (const [key, value] of countryPlanFrom(plans, sums)) out.set(key, { value, source: "country" });
  return out;
}
