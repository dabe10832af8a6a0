import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, persons } from "@/db/schema";
import { diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { DomainError } from "@/lib/errors";
import { PERSON_NOT_FOUND } from "@/lib/registry/guard";
import {
  auditWrite,
  insertRecord,
  lockFresh,
  lockRecord,
  registerWrite,
  saveRecord,
  type RecordKind,
} from "@/lib/registry/record";
import type { PersonValues } from "./schemas";

/** The register of participants: audit name and refusals (lib/registry/record). */
export const PERSON: RecordKind<typeof persons> = {
  table: persons,
  entity: "person",
  what: "Участника",
  missing: PERSON_NOT_FOUND,
};

function personFields(v: PersonValues) {
  return {
    surname: v.surname,
    name: v.name,
    patronymic: v.patronymic,
    birthYear: v.birthYear === "" ? null : v.birthYear,
    category: v.category,
    grade: v.grade,
    workplace: v.workplace,
    position: v.position,
    teachingSince: v.teachingSince === "" ? null : v.teachingSince,
    phone: v.phone,
    email: v.email,
  };
}

/** Creates or updates the mentor and mentee questionnaires; one can be removed only while no pair refers to it. */
async function saveProfiles(tx: Tx, personId: number, v: PersonValues) {
  for (const [wanted, table, column, role] of [
    [v.isMentor, mentorProfiles, mentorships.mentorId, "наставник"],
    [v.isMentee, menteeProfiles, mentorships.menteeId, "наставляемый"],
  ] as const) {
    if (wanted) continue;
    const [{ n }] = await tx
      .select({ n: count() })
      .from(mentorships)
      .where(and(eq(column, personId), eq(mentorships.archived, false)));
    if (n > 0)
      throw new DomainError(
        `Нельзя снять отметку «${role}»: участник состоит в парах (${n}). Сначала завершите или удалите их.`,
      );
    await tx.delete(table).where(eq(table.personId, personId));
  }
  if (v.isMentor) {
    const profile = {
      ...v.mentor,
      consentDate: v.mentor.consentDate || null,
      updatedAt: new Date(),
    };
    await tx
      .insert(mentorProfiles)
      .values({ personId, ...profile })
      .onConflictDoUpdate({ target: mentorProfiles.personId, set: profile });
  }
  if (v.isMentee) {
    const profile = { ...v.mentee, consentDate: v.mentee.consentDate || null, updatedAt: new Date() };
    await tx
      .insert(menteeProfiles)
      .values({ personId, ...profile })
      .onConflictDoUpdate({ target: menteeProfiles.personId, set: profile });
  }
}

export async function createPerson(user: SessionUser, org: EditableOrg, v: PersonValues) {
  return registerWrite(user, org, async (w) => {
    const changes = { category: v.category, mentor: v.isMentor, mentee: v.isMentee };
    const { id } = await insertRecord(w, PERSON, personFields(v), changes);
    await saveProfiles(w.tx, id, v);
    return { id };
  });
}

export async function updatePerson(user: SessionUser, org: EditableOrg, v: PersonValues & { id: number }) {
  return registerWrite(user, org, async (w) => {
    const person = await lockFresh(w.tx, PERSON, org, v, "any");
    const fields = personFields(v);
    const edits = {
      ...diff(person as unknown as Record<string, unknown>, fields),
      ...(await profileChanges(w.tx, v)),
    };
    const saved = await saveRecord(w, PERSON, v.id, fields, {
      ...edits,
      mentor: v.isMentor,
      mentee: v.isMentee,
    });
    await saveProfiles(w.tx, v.id, v);
    return saved;
  });
}

/**
 * What changed in the questionnaires that matters afterwards: publication consent (a name on the public page),
 * consent dates and the individual route. Free text (the request) is recorded as changed, never quoted.
 */
async function profileChanges(tx: Tx, v: PersonValues & { id: number }) {
  const [[mentor], [mentee]] = await Promise.all([
    tx.select().from(mentorProfiles).where(eq(mentorProfiles.personId, v.id)),
    tx.select().from(menteeProfiles).where(eq(menteeProfiles.personId, v.id)),
  ]);
  const out: Record<string, unknown> = {};
  const note = (key: string, before: unknown, after: unknown) => {
    if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null))
      out[key] = [before ?? null, after ?? null];
  };
  if (v.isMentor) {
    note("mentor.publishName", mentor?.publishName ?? false, v.mentor.publishName);
    note("mentor.consentDate", mentor?.consentDate, v.mentor.consentDate || null);
    note("mentor.capacity", mentor?.capacity, v.mentor.capacity);
  }
  if (v.isMentee) {
    note("mentee.consentDate", mentee?.consentDate, v.mentee.consentDate || null);
    note("mentee.hasIndividualRoute", mentee?.hasIndividualRoute ?? false, v.mentee.hasIndividualRoute);
    if ((mentee?.request ?? "") !== v.mentee.request) out["mentee.request"] = "(изменено)";
    if ((mentee?.representativeEmail ?? "") !== v.mentee.representativeEmail)
      out["mentee.representativeEmail"] = "(изменено)";
  }
  return out;
}

export async function setPersonArchived(user: SessionUser, org: EditableOrg, id: number, archived: boolean) {
  return registerWrite(user, org, async (w) => {
    const person = await lockRecord(w.tx, PERSON, org, id, "any");
    if (person.archived === archived) return { id, organisationId: org.id };
    await w.tx.update(persons).set({ archived, updatedAt: new Date() }).where(eq(persons.id, id));
    await auditWrite(w, { action: archived ? "archive" : "restore", entity: "person", entityId: id });
    return { id, organisationId: org.id };
  });
}
