import "server-only";
import { indicatorTable, type TerritoryRef } from "@/lib/indicators/queries";
import { effectivePlan } from "@/lib/indicators/plan";
import { tableRows } from "@/lib/indicators/view";
import { indicatorYears } from "@/lib/settings";
import type { PublicIndicators } from "./types";

/**
 * Indicators × the years of the setting (2021–2024 by default), fact and plan, read from the pre-aggregated figures
 * of approved reports. An organisation is measured against its municipality's plan (or the region's) for shares.
 */
export async function publicIndicators(
  ref: TerritoryRef,
  regionId: number,
  municipalityId: number | null,
): Promise<PublicIndicators> {
  const { from, to } = await indicatorYears();
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const [table, plan] = await Promise.all([
    indicatorTable(ref, regionId, from, to),
    effectivePlan(ref, regionId, municipalityId, years),
  ]);
  return { years, rows: tableRows(years, table.values, plan) };
}
