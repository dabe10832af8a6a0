import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { mentorships, programmes } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { DomainError, NotFoundError } from "@/lib/errors";
import { PROGRAMME_NOT_FOUND } from "@/lib/registry/guard";
import { assertFresh } from "@/lib/registry/version";
import type {
  archiveProgrammeSchema,
  createProgrammeSchema,
  restoreProgrammeSchema,
  updateProgrammeSchema,
} from "./schemas";

/** The organisation's programme, locked; «not found» for any other id. */
async function lockProgramme(tx: Tx, org: EditableOrg, id: number) {
  const [row] = await tx
    .select()
    .from(programmes)
    .where(and(eq(programmes.id, id), eq(programmes.organisationId, org.id)))
    .for("update");
  if (!row) throw new NotFoundError(PROGRAMME_NOT_FOUND);
  return row;
}

/** The programme to change: not archived. */
async function lockLiveProgramme(tx: Tx, org: EditableOrg, id: number) {
  const row = await lockProgramme(tx, org, id);
  if (row.archived) throw new NotFoundError("Программа в архиве: изменить её нельзя.");
  return row;
}

/** Creates a programme of the organisation, with its audit record, in one transaction. */
export async function createProgramme(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof createProgrammeSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const { organisationId, ...fields } = input;
    void organisationId;
    const [saved] = await tx
      .insert(programmes)
      .values({ ...fields, organisationId: org.id })
      .returning();
    await audit(tx, {
      userId: user.id,
      action: "create",
      entity: "programme",
      entityId: saved.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: fields,
    });
    changes.organisation(org.id);
    return { id: saved.id, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Saves the programme; refuses a save over a newer version and a format change once pairs exist. */
export async function updateProgramme(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof updateProgrammeSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const row = await lockLiveProgramme(tx, org, input.id);
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
    const edits = diff(row as unknown as Record<string, unknown>, fields);
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
      changes: edits,
    });
    changes.organisation(org.id);
    return { id, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Moves the programme and its pairs to the archive: they leave the lists and the counts. */
export async function archiveProgramme(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof archiveProgrammeSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const row = await lockLiveProgramme(tx, org, input.id);
    await assertFresh(tx, { entity: "programme", ...row }, input.updatedAt, "Программу");
    const now = new Date();
    await tx.update(programmes).set({ archived: true, updatedAt: now }).where(eq(programmes.id, row.id));
    const pairs = await tx
      .update(mentorships)
      .set({ archived: true, updatedAt: now })
      .where(and(eq(mentorships.programmeId, row.id), eq(mentorships.archived, false)))
      .returning({ id: mentorships.id });
    await auditProgrammeWithPairs(tx, user, org, "archive", row.id, pairs);
    changes.organisation(org.id);
    return { id: row.id, organisationId: org.id };
  });
}

/**
 * Brings an archived programme back with the pairs that went to the archive with it (same moment); pairs archived
 * on their own before stay there.
 */
export async function restoreProgramme(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof restoreProgrammeSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const row = await lockProgramme(tx, org, input.id);
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
    changes.organisation(org.id);
    return { id: row.id, organisationId: org.id, mentorships: pairs.length };
  });
}

/** One audit record for the programme and one per pair that moved with it, in one insert. */
async function auditProgrammeWithPairs(
  tx: Tx,
  user: SessionUser,
  org: EditableOrg,
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
