import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import { municipalities, organisations } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { ConflictError, DomainError } from "@/lib/errors";
import { nameSlug, uniqueSlug } from "../slug";
import { assertOwnRegion, lockMunicipality } from "./scope";
import type { createMunicipalitySchema, updateMunicipalitySchema } from "./schemas";

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

export async function createMunicipality(
  actor: SessionUser,
  input: z.output<typeof createMunicipalitySchema>,
) {
  assertOwnRegion(actor, input.regionId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertNameFree(tx, input.regionId, input.name);
    const slug = await uniqueSlug(tx, "municipalities", nameSlug(input.name));
    const [m] = await tx
      .insert(municipalities)
      .values({ regionId: input.regionId, name: input.name, kind: input.kind, slug })
      .returning();
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

/** Renames a municipality or changes its kind; the slug (its public address) stays. */
export async function updateMunicipality(
  actor: SessionUser,
  input: z.output<typeof updateMunicipalitySchema>,
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await lockMunicipality(tx, actor, input.municipalityId);
    await assertNameFree(tx, m.regionId, input.name, m.id);
    const changes = diff(m as unknown as Record<string, unknown>, { name: input.name, kind: input.kind });
    if (Object.keys(changes).length === 0) return m;
    const [saved] = await tx
      .update(municipalities)
      .set({ name: input.name, kind: input.kind })
      .where(eq(municipalities.id, m.id))
      .returning();
    await audit(tx, {
      userId: actor.id,
      action: "update",
      entity: "municipality",
      entityId: m.id,
      municipalityId: m.id,
      changes: { municipalityName: changes.name, kind: changes.kind },
    });
    return saved;
  });
}

/** Archives a municipality without working organisations, or brings it back. */
export async function archiveMunicipality(
  actor: SessionUser,
  input: { municipalityId: number; archived: boolean },
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await lockMunicipality(tx, actor, input.municipalityId);
    if (m.archived === input.archived) return m;
    if (input.archived) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(organisations)
        .where(and(eq(organisations.municipalityId, m.id), eq(organisations.archived, false)));
      if (n > 0)
        throw new ConflictError(
          `В муниципалитете ${n} организаций не в архиве: сначала переведите их в архив или в другой муниципалитет.`,
        );
    }
    const [saved] = await tx
      .update(municipalities)
      .set({ archived: input.archived })
      .where(eq(municipalities.id, m.id))
      .returning();
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
