import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, regions, targets } from "@/db/schema";
import type { AdminRegion, ScopedMunicipality, ScopedRegion } from "@/lib/auth/scoped";

/** The region's plan values keyed "indicator:year". */
export async function regionTargets(
  region: ScopedRegion,
  indicators: string[],
): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db
    .select({ indicator: targets.indicator, year: targets.year, value: targets.value })
    .from(targets)
    .where(
      and(
        eq(targets.regionId, region.id),
        isNull(targets.municipalityId),
        inArray(targets.indicator, indicators),
      ),
    );
  return new Map(rows.map((r) => [`${r.indicator}:${r.year}`, Number(r.value)]));
}

/**
 * The plan values the admin set for exactly this territory (the region when `municipality` is null), keyed
 * "indicator:year": the grid of the targets page.
 */
export async function ownTargets(
  region: AdminRegion,
  municipality: ScopedMunicipality | null,
  years: number[],
): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db
    .select({ indicator: targets.indicator, year: targets.year, value: targets.value })
    .from(targets)
    .where(
      and(
        eq(targets.regionId, region.id),
        municipality == null ? isNull(targets.municipalityId) : eq(targets.municipalityId, municipality.id),
        inArray(targets.year, years),
      ),
    );
  return new Map(rows.map((r) => [`${r.indicator}:${r.year}`, Number(r.value)]));
}

/**
 * The stamp of the plan the admin's grid edits (the region's own when `municipality` is null), for the
 * optimistic lock. Read before the values: a save in between makes the grid's next save a conflict, never a
 * silent overwrite.
 */
export async function targetsVersion(
  region: AdminRegion,
  municipality: ScopedMunicipality | null,
): Promise<string> {
  const db = await getDb();
  const [row] =
    municipality == null
      ? await db.select({ stamp: regions.targetsUpdatedAt }).from(regions).where(eq(regions.id, region.id))
      : await db
          .select({ stamp: municipalities.targetsUpdatedAt })
          .from(municipalities)
          .where(and(eq(municipalities.id, municipality.id), eq(municipalities.regionId, region.id)));
  return row ? row.stamp.toISOString() : "";
}
