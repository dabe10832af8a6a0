import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { mentorships, programmes } from "@/db/schema";
import { diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { DomainError } from "@/lib/errors";
import { PROGRAMME_NOT_FOUND } from "@/lib/registry/guard";
import {
  auditWrite,
  insertRecord,
  lockFresh,
  lockRecord,
  registerWrite,
  saveRecord,
  type RecordKind,
  type Write,
} from "@/lib/registry/record";
import type {
  archiveProgrammeSchema,
  createProgrammeSchema,
  restoreProgrammeSchema,
  updateProgrammeSchema,
} from "./schemas";

/** The organisation's programmes: audit name and refusals (lib/registry/record). */
export const PROGRAMME: RecordKind<typeof programmes> = {
  table: programmes,
  entity: "programme",
  what: "Программу",
  missing: PROGRAMME_NOT_FOUND,
  archived: "Программа в архиве: изменить её нельзя.",
  notArchived: "Программы нет в архиве: возможно, её уже вернули.",
};

/** Creates a programme of the organisation, with its audit record, in one transaction. */
export async function createProgramme(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof createProgrammeSchema>,
) {
  const { organisationId, ...fields } = input;
  void organisationId;
  return registerWrite(user, org, (w) => insertRecord(w, PROGRAMME, fields, fields));
}

/** Saves the programme; refuses a save over a newer version and a format change once pairs exist. */
export async function updateProgramme(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof updateProgrammeSchema>,
) {
  return registerWrite(user, org, async (w) => {
    const row = await lockFresh(w.tx, PROGRAMME, org, input);
    const { id, updatedAt, ...fields } = input;
    void updatedAt;
    if (fields.format !== row.format) {
      const [pair] = await w.tx
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
    return saveRecord(w, PROGRAMME, id, fields, diff(row as unknown as Record<string, unknown>, fields));
  });
}

/** Moves the programme and its pairs to the archive: they leave the lists and the counts. */
export async function archiveProgramme(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof archiveProgrammeSchema>,
) {
  return registerWrite(user, org, async (w) => {
    const row = await lockFresh(w.tx, PROGRAMME, org, input);
    await moveProgramme(w, row.id, true, eq(mentorships.archived, false));
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
  return registerWrite(user, org, async (w) => {
    const row = await lockRecord(w.tx, PROGRAMME, org, input.id, "archived");
    const pairs = await moveProgramme(
      w,
      row.id,
      false,
      and(
        eq(mentorships.archived, true),
        eq(mentorships.updatedAt, row.updatedAt),
        // Only pairs whose people are still in the register in their roles: a mentor or mentee archived, or
        // whose questionnaire was removed, while the programme was in the archive stays out.
        sql`exists (select 1 from persons p join mentor_profiles mp on mp.person_id = p.id
                    where p.id = ${mentorships.mentorId} and not p.archived)`,
        sql`exists (select 1 from persons p join mentee_profiles mp on mp.person_id = p.id
                    where p.id = ${mentorships.menteeId} and not p.archived)`,
      ),
    );
    return { id: row.id, organisationId: org.id, mentorships: pairs.length };
  });
}

/**
 * Flags the programme and its pairs chosen by `which` at one moment (restoring finds them by it), with one audit
 * record for the programme and one per pair, in one insert.
 */
async function moveProgramme(w: Write, programmeId: number, archived: boolean, which: SQL | undefined) {
  const now = new Date();
  await w.tx.update(programmes).set({ archived, updatedAt: now }).where(eq(programmes.id, programmeId));
  const pairs = await w.tx
    .update(mentorships)
    .set({ archived, updatedAt: now })
    .where(and(eq(mentorships.programmeId, programmeId), which))
    .returning({ id: mentorships.id });
  const action = archived ? "archive" : "restore";
  const flag = [!archived, archived];
  await auditWrite(w, [
    {
      action,
      entity: "programme",
      entityId: programmeId,
      changes: { archived: flag, mentorships: pairs.map((p) => p.id) },
    },
    ...pairs.map((p) => ({
      action,
      entity: "mentorship",
      entityId: p.id,
      changes: { archived: flag, programmeId },
    })),
  ]);
  return pairs;
}
