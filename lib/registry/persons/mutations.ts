import "server-only";
import { and, count, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, persons } from "@/db/schema";
import { isCurrentVersion } from "@/lib/admin/version";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { assertCanEditOrganisation } from "@/lib/registry/guard";
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

export async function createPerson(user: SessionUser, v: PersonValues) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await assertCanEditOrganisation(tx, user, v.organisationId);
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
    return { id: row.id };
  });
}

async function lockPerson(tx: Tx, user: SessionUser, id: number) {
  const [person] = await tx.select().from(persons).where(eq(persons.id, id)).for("update");
  if (!person) throw new NotFoundError("Участник не найден или недоступен.");
  const org = await assertCanEditOrganisation(tx, user, person.organisationId).catch(() => {
    throw new NotFoundError("Участник не найден или недоступен.");
  });
  return { person, org };
}

export async function updatePerson(user: SessionUser, v: PersonValues & { id: number }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { person, org } = await lockPerson(tx, user, v.id);
    if (person.organisationId !== v.organisationId)
      throw new NotFoundError("Участник не найден или недоступен.");
    if (!v.updatedAt || !isCurrentVersion(person.updatedAt, v.updatedAt)) {
      throw new ConflictError(
        `Запись уже изменили (${formatDateTime(person.updatedAt)}), пока вы её редактировали. Обновите страницу и внесите правки снова.`,
      );
    }
    const fields = personFields(v);
    const changes = {
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
      changes: { ...changes, mentor: v.isMentor, mentee: v.isMentee },
    });
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

export async function setPersonArchived(user: SessionUser, id: number, archived: boolean) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { person, org } = await lockPerson(tx, user, id);
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
    return { id, organisationId: org.id };
  });
}
