import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, organisations, persons, programmes } from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";
import { registerPeople } from "@/lib/registry/people";
import type { Snapshot } from "./plan";

/** The organisation's register as the import compares a file with it: four queries, whatever the file's size. */
export async function loadSnapshot(db: DbOrTx, org: RegisterOrg): Promise<Snapshot> {
  const [card] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, org.id));
  const people = await registerPeople(db, org, {
    id: persons.id,
    surname: persons.surname,
    name: persons.name,
    patronymic: persons.patronymic,
    birthYear: persons.birthYear,
    category: persons.category,
    workplace: persons.workplace,
    mentorId: mentorProfiles.personId,
    menteeId: menteeProfiles.personId,
    consentDate: menteeProfiles.consentDate,
    mentorConsentDate: mentorProfiles.consentDate,
  });
  const progs = await db
    .select({ id: programmes.id, format: programmes.format, title: programmes.title })
    .from(programmes)
    .where(and(eq(programmes.organisationId, org.id), eq(programmes.archived, false)));
  const pairs = await db
    .select({
      programmeId: mentorships.programmeId,
      format: programmes.format,
      mentorId: mentorships.mentorId,
      menteeId: mentorships.menteeId,
      entryDate: mentorships.entryDate,
    })
    .from(mentorships)
    .innerJoin(programmes, eq(programmes.id, mentorships.programmeId))
    .where(eq(mentorships.organisationId, org.id));
  return {
    orgKind: card?.kind ?? "school",
    persons: people.map(({ mentorId, menteeId, consentDate, mentorConsentDate, ...p }) => ({
      ...p,
      mentor: mentorId != null,
      mentee: menteeId != null,
      menteeConsent: consentDate != null,
      mentorConsent: mentorConsentDate != null,
    })),
    programmes: progs,
    pairs: new Map(
      pairs.map((p) => [`${p.format}|${p.mentorId}|${p.menteeId}|${p.entryDate}`, p.programmeId]),
    ),
  };
}
