import "server-only";
import { indicatorTable } from "@/lib/indicators/queries";
import { effectivePlan } from "@/lib/indicators/plan";
import type { TerritoryRef } from "@/lib/indicators/ref";
import { tableRows } from "@/lib/indicators/view";
import { indicatorYears } from "@/lib/settings";
import type { PublicIndicators } from "./types";

/**
 * Indicators × the years of the setting (2021–2024 by default), fact and plan, read from the pre-aggregated figures
 * of approved reports. An organisation is measured against its municipality's plan (or the region's) for shares.
 */
export async function publicIndicators(ref: TerritoryRef): Promise<PublicIndicators> {
  const { from, to } = await indicatorYears();
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const [table, plan] = await Promise.all([indicatorTable(ref, from, to), effectivePlan(ref, years)]);
  return { years, rows: tableRows(years, table.values, plan, undefined, ref.level) };
}
