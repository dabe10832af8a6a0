import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { regions, targets } from "@/db/schema";
import { INDICATORS, emptySums, indicatorValues, type IndicatorCode } from "./definitions";
import { effectivePlan } from "./plan";
import { childSums, indicatorTable } from "./queries";
import type { TerritoryRef } from "./ref";
import { cellOf, type TableCell } from "./view";

export interface RegionLine {
  /** 0 for the country's total. */
  id: number;
  name: string;
  cells: Record<IndicatorCode, TableCell>;
}

/**
 * The federal level's table for one year: every region × every indicator, fact against the region's own plan,
 * under the country's total against the national plan (lib/indicators/plan: the regions' plans weighted).
 */
export async function regionTable(
  country: TerritoryRef,
  year: number,
): Promise<{ total: RegionLine; regions: RegionLine[] }> {
  if (country.level !== "country") throw new Error("regionTable: the country only");
  const db = await getDb();
  const [list, sums, plans, national, nationalPlan] = await Promise.all([
    db.select({ id: regions.id, name: regions.name }).from(regions).orderBy(asc(regions.name)),
    childSums([year]),
    db
      .select({ regionId: targets.regionId, indicator: targets.indicator, value: targets.value })
      .from(targets)
      .where(
        and(
          isNull(targets.municipalityId),
          eq(targets.year, year),
          inArray(
            targets.indicator,
            INDICATORS.map((d) => d.code),
          ),
        ),
      ),
    indicatorTable(country, year, year),
    effectivePlan(country, [year]),
  ]);
  const byRegion = new Map(sums.map((s) => [s.regionId, s]));
  const planOf = new Map(plans.map((p) => [`${p.regionId}:${p.indicator}`, Number(p.value)]));
  const line = (
    id: number,
    name: string,
    value: (code: IndicatorCode) => ReturnType<typeof indicatorValues>[number] | undefined,
    plan: (code: IndicatorCode) => number | undefined,
  ): RegionLine => ({
    id,
    name,
    cells: Object.fromEntries(
      INDICATORS.map((d) => {
        const p = plan(d.code);
        return [d.code, cellOf(value(d.code), year, p == null ? undefined : { value: p, source: "region" })];
      }),
    ) as Record<IndicatorCode, TableCell>,
  });
  const total = line(
    0,
    "Российская Федерация",
    (code) => national.values.get(`${code}:${year}`),
    (code) => nationalPlan.get(`${code}:${year}`)?.value,
  );
  return {
    total,
    regions: list.map((r) => {
      const s = byRegion.get(r.id);
      const values = indicatorValues(s?.sums ?? emptySums(), year, s?.total ?? 0);
      // A count (indicator 2) is measured only against the plan set for that territory: the region's own.
      return line(
        r.id,
        r.name,
        (code) => values.find((v) => v.code === code),
        (code) => planOf.get(`${r.id}:${code}`),
      );
    }),
  };
}
