import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { organisations } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg, ScopedMunicipality } from "@/lib/auth/scoped";
import { assertUnchanged } from "@/lib/concurrency";
import { writeTransaction } from "@/lib/derived";
import { organisationSlugBase, uniqueSlug } from "../slug";
import { lockMunicipality, lockOrganisation } from "./scope";
import type { createOrganisationSchema, updateOrganisationSchema } from "./schemas";

const WHAT = "Организацию";

export async function createOrganisation(
  actor: SessionUser,
  scoped: ScopedMunicipality,
  input: z.output<typeof createOrganisationSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const m = await lockMunicipality(tx, actor, scoped.id, { active: true });
    const slug = await uniqueSlug(tx, "organisations", organisationSlugBase(m.slug, input.shortName));
    const [org] = await tx
      .insert(organisations)
      .values({ ...input, municipalityId: m.id, slug })
      .returning();
    // A new organisation has no figures yet, but the region's lists (and, if obliged, its total) count it.
    changes.organisation(org.id).region(m.regionId);
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
  scoped: EditableOrg,
  input: z.output<typeof updateOrganisationSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const { org } = await lockOrganisation(tx, actor, scoped.id);
    assertUnchanged(WHAT, org.updatedAt, input.updatedAt);
    if (input.municipalityId !== org.municipalityId)
      await lockMunicipality(tx, actor, input.municipalityId, { active: true });
    const next = {
      municipalityId: input.municipalityId,
      kind: input.kind,
      joinedYear: input.joinedYear,
      obliged: input.obliged,
    };
    const diffs = diff(org as unknown as Record<string, unknown>, next);
    const [saved] = await tx
      .update(organisations)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(organisations.id, org.id))
      .returning();
    // Its approved figures count where it is and only while it is obliged: every year's rollups move with it.
    if ("municipalityId" in diffs || "obliged" in diffs) changes.organisationRelocated(org.id);
    else changes.organisation(org.id);
    await audit(tx, {
      userId: actor.id,
      action: "update",
      entity: "organisation",
      entityId: org.id,
      organisationId: org.id,
      municipalityId: input.municipalityId,
      changes: diffs,
    });
    return saved;
  });
}

export async function archiveOrganisation(
  actor: SessionUser,
  scoped: EditableOrg,
  input: { updatedAt: string; archived: boolean },
) {
  return writeTransaction(async (tx, changes) => {
    const { org } = await lockOrganisation(tx, actor, scoped.id);
    assertUnchanged(WHAT, org.updatedAt, input.updatedAt);
    if (!input.archived) await lockMunicipality(tx, actor, org.municipalityId, { active: true });
    if (org.archived === input.archived) return org;
    const [saved] = await tx
      .update(organisations)
      .set({ archived: input.archived, updatedAt: new Date() })
      .where(eq(organisations.id, org.id))
      .returning();
    // Its public page disappears or comes back, and its figures leave or rejoin the totals (as the count of
    // obliged organisations below them does).
    changes.organisationRelocated(org.id);
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
