import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { mentorships } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { MENTORSHIP_NOT_FOUND } from "@/lib/registry/guard";
import { assertFresh } from "@/lib/registry/version";
import type { archiveMentorshipSchema, updateMentorshipSchema } from "./schemas";

export { assignMentorships } from "./assign";

/** Free text that may name a person: the audit log records that it changed, not what it says. */
const FREE_TEXT = new Set(["result", "mentorReviewUrl", "menteeReviewUrl"]);

/** The organisation's pair to change, locked and fresh; «not found» for any other id. */
async function lockMentorship(tx: Tx, org: EditableOrg, id: number, updatedAt: string) {
  const [row] = await tx
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.id, id), eq(mentorships.organisationId, org.id)))
    .for("update");
  if (!row) throw new NotFoundError(MENTORSHIP_NOT_FOUND);
  if (row.archived) throw new NotFoundError("Наставническая пара в архиве: изменить её нельзя.");
  await assertFresh(tx, { entity: "mentorship", ...row }, updatedAt, "Наставническую пару");
  return row;
}

/** Saves the end date, result, review links, completion mark and order of a pair, with its audit record. */
export async function updateMentorship(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof updateMentorshipSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const row = await lockMentorship(tx, org, input.id, input.updatedAt);
    const { id, updatedAt, ...fields } = input;
    void updatedAt;
    if (fields.endDate && fields.endDate < row.entryDate) {
      throw new DomainError("Проверьте выделенные поля.", {
        endDate: [`Дата окончания: не может быть раньше даты вступления (${formatDate(row.entryDate)}).`],
      });
    }
    const edits = Object.fromEntries(
      Object.entries(diff(row as unknown as Record<string, unknown>, fields)).map(([k, v]) => [
        k,
        FREE_TEXT.has(k) ? "(изменено)" : v,
      ]),
    );
    const [saved] = await tx
      .update(mentorships)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(mentorships.id, id))
      .returning({ updatedAt: mentorships.updatedAt });
    await audit(tx, {
      userId: user.id,
      action: "update",
      entity: "mentorship",
      entityId: id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: edits,
    });
    changes.organisation(org.id);
    return {
      id,
      programmeId: row.programmeId,
      organisationId: org.id,
      updatedAt: saved.updatedAt.toISOString(),
    };
  });
}

/** Moves a pair to the archive (a pair entered by mistake): it leaves the lists and the counts. */
export async function archiveMentorship(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof archiveMentorshipSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const row = await lockMentorship(tx, org, input.id, input.updatedAt);
    await tx
      .update(mentorships)
      .set({ archived: true, updatedAt: new Date() })
      .where(eq(mentorships.id, row.id));
    await audit(tx, {
      userId: user.id,
      action: "archive",
      entity: "mentorship",
      entityId: row.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { archived: [false, true], programmeId: row.programmeId },
    });
    changes.organisation(org.id);
    return { id: row.id, programmeId: row.programmeId, organisationId: org.id };
  });
}
