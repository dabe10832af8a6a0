import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { municipalities, regions, targets } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import {
  scopeAdminRegion,
  scopeMunicipality,
  type AdminRegion,
  type ScopedMunicipality,
} from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { assertFresh } from "@/lib/registry/version";
import type { SaveTargetsInput } from "./target-schemas";

/** Whose plan the admin's grid sets: the administered region's own, or one of its municipalities'. */
export interface TargetScope {
  region: AdminRegion;
  municipality: ScopedMunicipality | null;
}

/** The grid's territory, checked: the admin's region, and the municipality when one is named (else «not found»). */
export async function targetScope(
  user: SessionUser,
  territory: SaveTargetsInput["territory"],
): Promise<TargetScope> {
  const region = await scopeAdminRegion(user);
  if (territory === "region") return { region, municipality: null };
  // The admin's reach of a municipality is the own region: another region's is «not found».
  return { region, municipality: await scopeMunicipality(user, territory) };
}

/** The audit log's name of a territory's plan: «region:1», «municipality:7». */
const planId = (regionId: number, municipalityId: number | null) =>
  municipalityId == null ? `region:${regionId}` : `municipality:${municipalityId}`;

/**
 * The stamp of the territory's plan (the region's own, or the municipality's), locked for the transaction: the
 * optimistic lock of the grid, moved by every save that changes a value.
 */
async function lockPlanStamp(tx: Tx, regionId: number, municipalityId: number | null): Promise<Date> {
  const [row] =
    municipalityId == null
      ? await tx
          .select({ stamp: regions.targetsUpdatedAt })
          .from(regions)
          .where(eq(regions.id, regionId))
          .for("no key update")
      : await tx
          .select({ stamp: municipalities.targetsUpdatedAt })
          .from(municipalities)
          .where(eq(municipalities.id, municipalityId))
          .for("no key update");
  return row.stamp;
}

async function setPlanStamp(tx: Tx, regionId: number, municipalityId: number | null, stamp: Date) {
  if (municipalityId == null)
    await tx.update(regions).set({ targetsUpdatedAt: stamp }).where(eq(regions.id, regionId));
  else
    await tx
      .update(municipalities)
      .set({ targetsUpdatedAt: stamp })
      .where(eq(municipalities.id, municipalityId));
}

/**
 * Saves the plan values of the admin's grid for the region or one of its municipalities in one transaction:
 * an empty cell deletes the plan. Refused with the registers' conflict message when the territory's plan was
 * saved after the grid was opened (`version`). The changed cells are audited as { "code:year": [old, new] };
 * the region's public figures (open data, organisations' pages) show the new plan at once.
 */
export async function saveTargets(
  user: SessionUser,
  { region, municipality }: TargetScope,
  input: SaveTargetsInput,
): Promise<{ changed: number; version: string }> {
  const regionId = region.id;
  const municipalityId = municipality?.id ?? null;
  const scope = and(
    eq(targets.regionId, regionId),
    municipalityId == null ? isNull(targets.municipalityId) : eq(targets.municipalityId, municipalityId),
  );
  return writeTransaction(async (tx, changes) => {
    // Saves of the same region queue up: no duplicate plan rows from two admins at once.
    await tx.execute(sql`select pg_advisory_xact_lock(${9_170_000_000 + regionId}::bigint)`);
    const stamp = await lockPlanStamp(tx, regionId, municipalityId);
    await assertFresh(
      tx,
      { entity: "targets", id: planId(regionId, municipalityId), updatedAt: stamp },
      input.version,
      "Планы показателей",
    );
    const years = [...new Set(input.cells.map((c) => c.year))];
    const existing = await tx
      .select({ id: targets.id, indicator: targets.indicator, year: targets.year, value: targets.value })
      .from(targets)
      .where(and(scope, inArray(targets.year, years)));
    const old = new Map(existing.map((r) => [`${r.indicator}:${r.year}`, Number(r.value)]));
    const diff: Record<string, [number | null, number | null]> = {};
    for (const c of input.cells) {
      const key = `${c.code}:${c.year}`;
      const before = old.get(key) ?? null;
      if (before === c.value && existing.filter((r) => `${r.indicator}:${r.year}` === key).length <= 1)
        continue;
      await tx.delete(targets).where(and(scope, eq(targets.indicator, c.code), eq(targets.year, c.year)));
      if (c.value != null)
        await tx
          .insert(targets)
          .values({ indicator: c.code, year: c.year, regionId, municipalityId, value: c.value });
      if (before !== c.value) diff[key] = [before, c.value];
    }
    const changed = Object.keys(diff).length;
    if (changed === 0) return { changed, version: stamp.toISOString() };
    const next = new Date();
    await setPlanStamp(tx, regionId, municipalityId, next);
    await audit(tx, {
      userId: user.id,
      action: "update",
      entity: "targets",
      entityId: planId(regionId, municipalityId),
      municipalityId,
      changes: diff,
    });
    changes.region(regionId);
    return { changed, version: next.toISOString() };
  });
}
