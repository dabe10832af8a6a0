import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, targets } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import type { SaveTargetsInput } from "./target-schemas";

/**
 * Saves the plan values of the admin's grid for the region or one of its municipalities in one transaction:
 * an empty cell deletes the plan. The changed cells are audited as { "code:year": [old, new] }.
 */
export async function saveTargets(user: SessionUser, input: SaveTargetsInput): Promise<{ changed: number }> {
  const db = await getDb();
  const regionId = user.regionId ?? -1;
  let municipalityId: number | null = null;
  if (input.territory !== "region") {
    const [m] = await db
      .select({ id: municipalities.id, regionId: municipalities.regionId })
      .from(municipalities)
      .where(eq(municipalities.id, input.territory));
    if (!m || m.regionId !== regionId) throw new NotFoundError("Муниципалитет не найден или недоступен.");
    municipalityId = m.id;
  } else if (user.regionId == null) throw new NotFoundError("Регион не найден.");
  const scope = and(
    eq(targets.regionId, regionId),
    municipalityId == null ? isNull(targets.municipalityId) : eq(targets.municipalityId, municipalityId),
  );
  return db.transaction(async (tx) => {
    // Saves of the same region queue up: no duplicate plan rows from two admins at once.
    await tx.execute(sql`select pg_advisory_xact_lock(${9_170_000_000 + regionId}::bigint)`);
    const years = [...new Set(input.cells.map((c) => c.year))];
    const existing = await tx
      .select({ id: targets.id, indicator: targets.indicator, year: targets.year, value: targets.value })
      .from(targets)
      .where(and(scope, inArray(targets.year, years)));
    const old = new Map(existing.map((r) => [`${r.indicator}:${r.year}`, Number(r.value)]));
    const changes: Record<string, [number | null, number | null]> = {};
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
      if (before !== c.value) changes[key] = [before, c.value];
    }
    const changed = Object.keys(changes).length;
    if (changed > 0)
      await audit(tx, {
        userId: user.id,
        action: "update",
        entity: "targets",
        entityId: municipalityId == null ? `region:${regionId}` : `municipality:${municipalityId}`,
        municipalityId,
        changes,
      });
    return { changed };
  });
}
