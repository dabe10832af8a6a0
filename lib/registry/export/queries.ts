import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, organisations, persons, programmes } from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";
import { registerPeople } from "@/lib/registry/people";
import type { OrganisationKind, PersonCategory } from "@/lib/vocabulary";
import type { RegisterPair, RegisterPerson } from "./layout";

/**
 * Whether a person of the register works or studies in the organisation itself: its teachers, and its own
 * learners (pupils of a school, students of a college). Their «Место работы» is the organisation.
 */
export function ownPerson(category: PersonCategory, kind: OrganisationKind): boolean {
  return category === "teacher" || category === (kind === "college" ? "college_student" : "pupil");
}

/**
 * The organisation's persons with their questionnaires and its current pairs. A person of the organisation's
 * own with no workplace of record gets the organisation's name as the workplace.
 */
export async function loadRegister(db: DbOrTx, org: RegisterOrg) {
  const [self] = await db
    .select({ kind: organisations.kind, shortName: organisations.shortName })
    .from(organisations)
    .where(eq(organisations.id, org.id));
  const people = await registerPeople(db, org, {
    id: persons.id,
    surname: persons.surname,
    name: persons.name,
    patronymic: persons.patronymic,
    birthYear: persons.birthYear,
    workplace: persons.workplace,
    category: persons.category,
    mentorId: mentorProfiles.personId,
    competencies: mentorProfiles.competencies,
    achievements: mentorProfiles.achievements,
    interests: mentorProfiles.interests,
    preferredMenteeAge: mentorProfiles.preferredMenteeAge,
    timeAvailable: mentorProfiles.timeAvailable,
    mentorConsentDate: mentorProfiles.consentDate,
    menteeId: menteeProfiles.personId,
    request: menteeProfiles.request,
    menteeConsentDate: menteeProfiles.consentDate,
  });
  const pairs: RegisterPair[] = await db
    .select({
      format: programmes.format,
      mentorId: mentorships.mentorId,
      menteeId: mentorships.menteeId,
      entryDate: mentorships.entryDate,
      endDate: mentorships.endDate,
      result: mentorships.result,
      mentorReviewUrl: mentorships.mentorReviewUrl,
      menteeReviewUrl: mentorships.menteeReviewUrl,
      completed: mentorships.completed,
    })
    .from(mentorships)
    .innerJoin(programmes, eq(programmes.id, mentorships.programmeId))
    .where(and(eq(mentorships.organisationId, org.id), eq(mentorships.archived, false)));
  const registered: RegisterPerson[] = people.map((p) => ({
    id: p.id,
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    birthYear: p.birthYear,
    workplace: p.workplace || (self && ownPerson(p.category, self.kind) ? self.shortName : ""),
    mentor:
      p.mentorId == null
        ? null
        : {
            competencies: p.competencies ?? "",
            achievements: p.achievements ?? "",
            interests: p.interests ?? "",
            preferredMenteeAge: p.preferredMenteeAge ?? "",
            timeAvailable: p.timeAvailable ?? "",
            consentDate: p.mentorConsentDate ?? null,
          },
    mentee:
      p.menteeId == null ? null : { request: p.request ?? "", consentDate: p.menteeConsentDate ?? null },
  }));
  // Pairs with an archived person stay out, as the person does.
  const ids = new Set(registered.map((p) => p.id));
  return { persons: registered, pairs: pairs.filter((p) => ids.has(p.mentorId) && ids.has(p.menteeId)) };
}
