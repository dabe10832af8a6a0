import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { municipalities, organisations } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { AdminRegion, ScopedMunicipality } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { ConflictError, DomainError } from "@/lib/errors";
import { assertFresh } from "@/lib/registry/version";
import { countOf } from "@/lib/format";
import { nameSlug, uniqueSlug } from "../slug";
import { lockMunicipality } from "./scope";
import type { createMunicipalitySchema, updateMunicipalitySchema } from "./schemas";

/** The municipality in the accusative, for the conflict message. */
const WHAT = "Муниципалитет";

async function assertNameFree(tx: DbOrTx, regionId: number, name: string, exceptId = -1) {
  const [taken] = await tx
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(
      and(
        eq(municipalities.regionId, regionId),
        sql`lower(${municipalities.name}) = lower(${name})`,
        ne(municipalities.id, exceptId),
      ),
    );
  if (taken) {
    const message = "Муниципалитет с таким названием в регионе уже есть.";
    throw new DomainError(message, { name: [message] });
  }
}

/** A new municipality of the region; the public region pages list it at once. */
export async function createMunicipality(
  actor: SessionUser,
  region: AdminRegion,
  input: z.output<typeof createMunicipalitySchema>,
) {
  return writeTransaction(async (tx, changes) => {
    await assertNameFree(tx, region.id, input.name);
    const slug = await uniqueSlug(tx, "municipalities", nameSlug(input.name));
    const [m] = await tx
      .insert(municipalities)
      .values({ regionId: region.id, name: input.name, kind: input.kind, slug })
      .returning();
    changes.region(region.id);
    await audit(tx, {
      userId: actor.id,
      action: "create",
      entity: "municipality",
      entityId: m.id,
      municipalityId: m.id,
      changes: { municipalityName: m.name, kind: m.kind, slug },
    });
    return m;
  });
}

/**
 * Renames a municipality or changes its kind; the slug (its public address) stays. Refused with the registers'
 * conflict message when the municipality changed after the form was opened (`updatedAt`).
 */
export async function updateMunicipality(
  actor: SessionUser,
  scoped: ScopedMunicipality,
  input: z.output<typeof updateMunicipalitySchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const m = await lockMunicipality(tx, actor, scoped.id);
    await assertFresh(
      tx,
      { entity: "municipality", id: m.id, updatedAt: m.updatedAt },
      input.updatedAt,
      WHAT,
    );
    await assertNameFree(tx, m.regionId, input.name, m.id);
    const diffs = diff(m as unknown as Record<string, unknown>, { name: input.name, kind: input.kind });
    if (Object.keys(diffs).length === 0) return m;
    const [saved] = await tx
      .update(municipalities)
      .set({ name: input.name, kind: input.kind, updatedAt: new Date() })
      .where(eq(municipalities.id, m.id))
      .returning();
    changes.region(m.regionId);
    await audit(tx, {
      userId: actor.id,
      action: "update",
      entity: "municipality",
      entityId: m.id,
      municipalityId: m.id,
      changes: { municipalityName: diffs.name, kind: diffs.kind },
    });
    return saved;
  });
}

/** Archives a municipality without working organisations, or brings it back. */
export async function archiveMunicipality(
  actor: SessionUser,
  scoped: ScopedMunicipality,
  input: { archived: boolean },
) {
  return writeTransaction(async (tx, changes) => {
    const m = await lockMunicipality(tx, actor, scoped.id);
    if (m.archived === input.archived) return m;
    if (input.archived) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(organisations)
        .where(and(eq(organisations.municipalityId, m.id), eq(organisations.archived, false)));
      if (n > 0)
        throw new ConflictError(
          `В муниципалитете ${countOf(n, "организация", "организации", "организаций")} не в архиве: сначала переведите их в архив или в другой муниципалитет.`,
        );
    }
    const [saved] = await tx
      .update(municipalities)
      .set({ archived: input.archived, updatedAt: new Date() })
      .where(eq(municipalities.id, m.id))
      .returning();
    changes.region(m.regionId);
    await audit(tx, {
      userId: actor.id,
      action: input.archived ? "archive" : "restore",
      entity: "municipality",
      entityId: m.id,
      municipalityId: m.id,
      changes: { archived: [m.archived, input.archived] },
    });
    return saved;
  });
}
