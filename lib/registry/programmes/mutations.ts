import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db";
import { mentorships, programmes } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { DomainError, NotFoundError } from "@/lib/errors";
import { assertCanEditOrganisation } from "@/lib/registry/guard";
import type {
  archiveProgrammeSchema,
  createProgrammeSchema,
  restoreProgrammeSchema,
  updateProgrammeSchema,
} from "./schemas";
import { assertFresh } from "./version";

const NOT_FOUND = "Программа не найдена или недоступна.";

/** The programme to change, locked; «not found» for an unknown id or one the user may not edit. */
async function lockProgramme(tx: Tx, user: SessionUser, id: number) {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, id)).for("update");
  if (!row) throw new NotFoundError(NOT_FOUND);
  const org = await assertCanEditOrganisation(tx, user, row.organisationId);
  if (row.archived) throw new NotFoundError("Программа в архиве: изменить её нельзя.");
  return { row, org };
}

/** Creates a programme of the organisation, with its audit record, in one transaction. */
export async function createProgramme(user: SessionUser, input: z.output<typeof createProgrammeSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await assertCanEditOrganisation(tx, user, input.organisationId);
    const [saved] = await tx.insert(programmes).values(input).returning();
    const { organisationId, ...fields } = input;
    void organisationId;
    await audit(tx, {
      userId: user.id,
      action: "create",
      entity: "programme",
      entityId: saved.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: fields,
    });
    return { id: saved.id, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Saves the programme; refuses a save over a newer version and a format change once pairs exist. */
export async function updateProgramme(user: SessionUser, input: z.output<typeof updateProgrammeSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, org } = await lockProgramme(tx, user, input.id);
    await assertFresh(tx, { entity: "programme", ...row }, input.updatedAt, "Программу");
    const { id, updatedAt, ...fields } = input;
    void updatedAt;
    if (fields.format !== row.format) {
      const [pair] = await tx
        .select({ id: mentorships.id })
        .from(mentorships)
        .where(and(eq(mentorships.programmeId, id), eq(mentorships.archived, false)))
        .limit(1);
      // The pairs were checked against the old format; a new one could make them invalid.
      if (pair) {
        throw new DomainError("Проверьте выделенные поля.", {
          format: ["Форма наставничества: её нельзя изменить, пока в программе есть наставнические пары."],
        });
      }
    }
    const changes = diff(row as unknown as Record<string, unknown>, fields);
    const [saved] = await tx
      .update(programmes)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(programmes.id, id))
      .returning({ updatedAt: programmes.updatedAt });
    await audit(tx, {
      userId: user.id,
      action: "update",
      entity: "programme",
      entityId: id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes,
    });
    return { id, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Moves the programme and its pairs to the archive: they leave the lists and the counts. */
export async function archiveProgramme(user: SessionUser, input: z.output<typeof archiveProgrammeSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, org } = await lockProgramme(tx, user, input.id);
    await assertFresh(tx, { entity: "programme", ...row }, input.updatedAt, "Программу");
    const now = new Date();
    await tx.update(programmes).set({ archived: true, updatedAt: now }).where(eq(programmes.id, row.id));
    const pairs = await tx
      .update(mentorships)
      .set({ archived: true, updatedAt: now })
      .where(and(eq(mentorships.programmeId, row.id), eq(mentorships.archived, false)))
      .returning({ id: mentorships.id });
    await auditProgrammeWithPairs(tx, user, org, "archive", row.id, pairs);
    return { id: row.id, organisationId: org.id };
  });
}

/**
 * Brings an archived programme back with the pairs that went to the archive with it (same moment); pairs archived
 * on their own before stay there.
 */
export async function restoreProgramme(user: SessionUser, input: z.output<typeof restoreProgrammeSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(programmes).where(eq(programmes.id, input.id)).for("update");
    if (!row) throw new NotFoundError(NOT_FOUND);
    const org = await assertCanEditOrganisation(tx, user, row.organisationId);
    if (!row.archived) throw new NotFoundError("Программы нет в архиве: возможно, её уже вернули.");
    const now = new Date();
    await tx.update(programmes).set({ archived: false, updatedAt: now }).where(eq(programmes.id, row.id));
    const pairs = await tx
      .update(mentorships)
      .set({ archived: false, updatedAt: now })
      .where(
        and(
          eq(mentorships.programmeId, row.id),
          eq(mentorships.archived, true),
          eq(mentorships.updatedAt, row.updatedAt),
          // Only pairs whose people are still in the register in their roles: a mentor or mentee archived, or
          // whose questionnaire was removed, while the programme was in the archive stays out.
          sql`exists (select 1 from persons p join mentor_profiles mp on mp.person_id = p.id
                      where p.id = ${mentorships.mentorId} and not p.archived)`,
          sql`exists (select 1 from persons p join mentee_profiles mp on mp.person_id = p.id
                      where p.id = ${mentorships.menteeId} and not p.archived)`,
        ),
      )
      .returning({ id: mentorships.id });
    await auditProgrammeWithPairs(tx, user, org, "restore", row.id, pairs);
    return { id: row.id, organisationId: org.id, mentorships: pairs.length };
  });
}

/** One audit record for the programme and one per pair that moved with it, in one insert. */
async function auditProgrammeWithPairs(
  tx: Tx,
  user: SessionUser,
  org: { id: number; municipalityId: number },
  action: "archive" | "restore",
  programmeId: number,
  pairs: { id: number }[],
) {
  const scope = { userId: user.id, organisationId: org.id, municipalityId: org.municipalityId };
  const archived = action === "archive" ? [false, true] : [true, false];
  await audit(tx, [
    {
      ...scope,
      action,
      entity: "programme",
      entityId: programmeId,
      changes: { archived, mentorships: pairs.map((p) => p.id) },
    },
    ...pairs.map((p) => ({
      ...scope,
      action,
      entity: "mentorship",
      entityId: p.id,
      changes: { archived, programmeId },
    })),
  ]);
}
