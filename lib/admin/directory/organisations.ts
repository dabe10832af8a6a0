import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { ConflictError } from "@/lib/errors";
import { isCurrentVersion } from "../version";
import { organisationSlugBase, uniqueSlug } from "../slug";
import { lockMunicipality, lockOrganisation } from "./scope";
import type { createOrganisationSchema, updateOrganisationSchema } from "./schemas";

const STALE =
  "Организацию уже изменили, пока вы её редактировали. Обновите страницу, чтобы увидеть новые данные, и повторите.";

export async function createOrganisation(
  actor: SessionUser,
  input: z.output<typeof createOrganisationSchema>,
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await lockMunicipality(tx, actor, input.municipalityId, { active: true });
    const slug = await uniqueSlug(tx, "organisations", organisationSlugBase(m.slug, input.shortName));
    const [org] = await tx
      .insert(organisations)
      .values({ ...input, slug })
      .returning();
    await audit(tx, {
      userId: actor.id,
      action: "create",
      entity: "organisation",
      entityId: org.id,
      organisationId: org.id,
      municipalityId: m.id,
      changes: { ...input, slug },
    });
    return org;
  });
}

/** Municipality, kind, year of joining and the «obliged» mark; the card's other fields are edited on /orgs/[id]. */
export async function updateOrganisation(
  actor: SessionUser,
  input: z.output<typeof updateOrganisationSchema>,
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await lockOrganisation(tx, actor, input.organisationId);
    if (!isCurrentVersion(org.updatedAt, input.updatedAt)) throw new ConflictError(STALE);
    if (input.municipalityId !== org.municipalityId)
      await lockMunicipality(tx, actor, input.municipalityId, { active: true });
    const next = {
      municipalityId: input.municipalityId,
      kind: input.kind,
      joinedYear: input.joinedYear,
      obliged: input.obliged,
    };
    const changes = diff(org as unknown as Record<string, unknown>, next);
    const [saved] = await tx
      .update(organisations)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(organisations.id, org.id))
      .returning();
    await audit(tx, {
      userId: actor.id,
      action: "update",
      entity: "organisation",
      entityId: org.id,
      organisationId: org.id,
      municipalityId: input.municipalityId,
      changes,
    });
    return saved;
  });
}

export async function archiveOrganisation(
  actor: SessionUser,
  input: { organisationId: number; updatedAt: string; archived: boolean },
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await lockOrganisation(tx, actor, input.organisationId);
    if (!isCurrentVersion(org.updatedAt, input.updatedAt)) throw new ConflictError(STALE);
    if (!input.archived) await lockMunicipality(tx, actor, org.municipalityId, { active: true });
    if (org.archived === input.archived) return org;
    const [saved] = await tx
      .update(organisations)
      .set({ archived: input.archived, updatedAt: new Date() })
      .where(eq(organisations.id, org.id))
      .returning();
    await audit(tx, {
      userId: actor.id,
      action: input.archived ? "archive" : "restore",
      entity: "organisation",
      entityId: org.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { archived: [org.archived, input.archived] },
    });
    return saved;
  });
}
