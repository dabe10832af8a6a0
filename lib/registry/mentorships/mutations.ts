import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db";
import { mentorships } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { assertCanEditOrganisation } from "@/lib/registry/guard";
import { assertFresh } from "@/lib/registry/programmes/version";
import type { archiveMentorshipSchema, updateMentorshipSchema } from "./schemas";

export { assignMentorships } from "./assign";

/** Free text that may name a person: the audit log records that it changed, not what it says. */
const FREE_TEXT = new Set(["result", "mentorReviewUrl", "menteeReviewUrl"]);

/** The pair to change, locked and fresh; «not found» for an unknown id or one the user may not edit. */
async function lockMentorship(tx: Tx, user: SessionUser, id: number, updatedAt: string) {
  const [row] = await tx.select().from(mentorships).where(eq(mentorships.id, id)).for("update");
  if (!row) throw new NotFoundError("Наставническая пара не найдена или недоступна.");
  const org = await assertCanEditOrganisation(tx, user, row.organisationId);
  if (row.archived) throw new NotFoundError("Наставническая пара в архиве: изменить её нельзя.");
  await assertFresh(tx, { entity: "mentorship", ...row }, updatedAt, "Наставническую пару");
  return { row, org };
}

/** Saves the end date, result, review links, completion mark and order of a pair, with its audit record. */
export async function updateMentorship(user: SessionUser, input: z.output<typeof updateMentorshipSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, org } = await lockMentorship(tx, user, input.id, input.updatedAt);
    const { id, updatedAt, ...fields } = input;
    void updatedAt;
    if (fields.endDate && fields.endDate < row.entryDate) {
      throw new DomainError("Проверьте выделенные поля.", {
        endDate: [`Дата окончания: не может быть раньше даты вступления (${formatDate(row.entryDate)}).`],
      });
    }
    const changes = Object.fromEntries(
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
      changes,
    });
    return {
      id,
      programmeId: row.programmeId,
      organisationId: org.id,
      updatedAt: saved.updatedAt.toISOString(),
    };
  });
}

/** Moves a pair to the archive (a pair entered by mistake): it leaves the lists and the counts. */
export async function archiveMentorship(user: SessionUser, input: z.output<typeof archiveMentorshipSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, org } = await lockMentorship(tx, user, input.id, input.updatedAt);
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
    return { id: row.id, programmeId: row.programmeId, organisationId: org.id };
  });
}
