import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, persons } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { DomainError, NotFoundError } from "@/lib/errors";
import { PERSON_NOT_FOUND } from "@/lib/registry/guard";
import { assertFresh } from "@/lib/registry/version";
import type { PersonValues } from "./schemas";

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
    const profile = { ...v.mentor, consentDate: v.mentor.consentDate || null, updatedAt: new Date() };
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
  return writeTransaction(async (tx, changes) => {
    const [row] = await tx
      .insert(persons)
      .values({ organisationId: org.id, ...personFields(v) })
      .returning({ id: persons.id });
    await saveProfiles(tx, row.id, v);
    await audit(tx, {
      userId: user.id,
      action: "create",
      entity: "person",
      entityId: row.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { category: v.category, mentor: v.isMentor, mentee: v.isMentee },
    });
    changes.organisation(org.id);
    return { id: row.id };
  });
}

/** The organisation's person, locked; «not found» for any other id. */
async function lockPerson(tx: Tx, org: EditableOrg, id: number) {
  const [person] = await tx
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), eq(persons.organisationId, org.id)))
    .for("update");
  if (!person) throw new NotFoundError(PERSON_NOT_FOUND);
  return person;
}

export async function updatePerson(user: SessionUser, org: EditableOrg, v: PersonValues & { id: number }) {
  return writeTransaction(async (tx, changes) => {
    const person = await lockPerson(tx, org, v.id);
    await assertFresh(tx, { entity: "person", ...person }, v.updatedAt, "Участника");
    const fields = personFields(v);
    const edits = {
      ...diff(person as unknown as Record<string, unknown>, fields),
      ...(await profileChanges(tx, v)),
    };
    const [saved] = await tx
      .update(persons)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(persons.id, v.id))
      .returning({ updatedAt: persons.updatedAt });
    await saveProfiles(tx, v.id, v);
    await audit(tx, {
      userId: user.id,
      action: "update",
      entity: "person",
      entityId: v.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { ...edits, mentor: v.isMentor, mentee: v.isMentee },
    });
    changes.organisation(org.id);
    return { id: v.id, updatedAt: saved.updatedAt.toISOString() };
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
  }
  if (v.isMentee) {
    note("mentee.consentDate", mentee?.consentDate, v.mentee.consentDate || null);
    note("mentee.hasIndividualRoute", mentee?.hasIndividualRoute ?? false, v.mentee.hasIndividualRoute);
    if ((mentee?.request ?? "") !== v.mentee.request) out["mentee.request"] = "(изменено)";
  }
  return out;
}

export async function setPersonArchived(user: SessionUser, org: EditableOrg, id: number, archived: boolean) {
  return writeTransaction(async (tx, changes) => {
    const person = await lockPerson(tx, org, id);
    if (person.archived === archived) return { id, organisationId: org.id };
    await tx
      .update(persons)
      .set({ archived, updatedAt: new Date() })
      .where(and(eq(persons.id, id), eq(persons.organisationId, org.id)));
    await audit(tx, {
      userId: user.id,
      action: archived ? "archive" : "restore",
      entity: "person",
      entityId: id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
    });
    changes.organisation(org.id);
    return { id, organisationId: org.id };
  });
}
