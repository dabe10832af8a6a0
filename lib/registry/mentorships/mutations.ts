import "server-only";
import type { z } from "zod";
import { mentorships } from "@/db/schema";
import { diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { DomainError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { MENTORSHIP_NOT_FOUND } from "@/lib/registry/guard";
import {
  lockFresh,
  registerWrite,
  saveRecord,
  setRecordArchived,
  type RecordKind,
} from "@/lib/registry/record";
import type { archiveMentorshipSchema, updateMentorshipSchema } from "./schemas";

export { assignMentorships } from "./assign";

/** A programme's pairs: audit name and refusals (lib/registry/record). */
export const MENTORSHIP: RecordKind<typeof mentorships> = {
  table: mentorships,
  entity: "mentorship",
  what: "Наставническую пару",
  missing: MENTORSHIP_NOT_FOUND,
  archived: "Наставническая пара в архиве: изменить её нельзя.",
  noted: "programmeId",
};

/** Free text that may name a person: the audit log records that it changed, not what it says. */
const FREE_TEXT = new Set(["result", "mentorReviewUrl", "menteeReviewUrl"]);

/** Saves the end date, result, review links, completion mark and order of a pair, with its audit record. */
export async function updateMentorship(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof updateMentorshipSchema>,
) {
  return registerWrite(user, org, async (w) => {
    const row = await lockFresh(w.tx, MENTORSHIP, org, input);
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
    const saved = await saveRecord(w, MENTORSHIP, id, fields, edits);
    return { ...saved, programmeId: row.programmeId, organisationId: org.id };
  });
}

/** Moves a pair to the archive (a pair entered by mistake): it leaves the lists and the counts. */
export async function archiveMentorship(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof archiveMentorshipSchema>,
) {
  const row = await setRecordArchived(user, org, MENTORSHIP, input, true);
  return { id: row.id, programmeId: row.programmeId, organisationId: org.id };
}
