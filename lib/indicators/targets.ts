import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { targets } from "@/db/schema";

/** The region's plan values keyed "indicator:year". */
export async function regionTargets(regionId: number, indicators: string[]): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db
    .select({ indicator: targets.indicator, year: targets.year, value: targets.value })
    .from(targets)
    .where(
      and(
        eq(targets.regionId, regionId),
        isNull(targets.municipalityId),
        inArray(targets.indicator, indicators),
      ),
    );
  return new Map(rows.map((r) => [`${r.indicator}:${r.year}`, Number(r.value)]));
}

/** The plan values set for exactly this scope (the region when municipalityId is null), keyed "indicator:year". */
export async function ownTargets(
  regionId: number,
  municipalityId: number | null,
  years: number[],
): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db
    .select({ indicator: targets.indicator, year: targets.year, value: targets.value })
    .from(targets)
    .where(
      and(
        eq(targets.regionId, regionId),
        municipalityId == null ? isNull(targets.municipalityId) : eq(targets.municipalityId, municipalityId),
        inArray(targets.year, years),
      ),
    );
  return new Map(rows.map((r) => [`${r.indicator}:${r.year}`, Number(r.value)]));
}
