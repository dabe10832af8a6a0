/** Register records for tests: persons with their profiles, programmes and pairs, written straight to the DB. */
import { getDb } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, persons, programmes } from "@/db/schema";
import type { Format, PersonCategory } from "@/lib/reports/domain";

let seq = 0;

export interface PersonOptions {
  category?: PersonCategory;
  surname?: string;
  name?: string;
  patronymic?: string;
  birthYear?: number | null;
  grade?: string;
  archived?: boolean;
  mentorProfile?: boolean;
  menteeProfile?: boolean;
}

/** A person of the organisation; by default a pupil with a mentee profile. */
export async function createPerson(organisationId: number, o: PersonOptions = {}) {
  const db = await getDb();
  seq += 1;
  const category = o.category ?? "pupil";
  const [p] = await db
    .insert(persons)
    .values({
      organisationId,
      category,
      surname: o.surname ?? `Тестов${seq}`,
      name: o.name ?? "Иван",
      patronymic: o.patronymic ?? "Петрович",
      birthYear: o.birthYear === undefined ? (category === "pupil" ? 2011 : 1980) : o.birthYear,
      grade: o.grade ?? (category === "pupil" ? "7Б" : ""),
      archived: o.archived ?? false,
    })
    .returning();
  if (o.mentorProfile) await db.insert(mentorProfiles).values({ personId: p.id });
  if (o.menteeProfile ?? !o.mentorProfile) await db.insert(menteeProfiles).values({ personId: p.id });
  return p;
}

/** A mentor with a mentor profile (a teacher unless told otherwise). */
export function createMentor(organisationId: number, o: PersonOptions = {}) {
  return createPerson(organisationId, {
    category: "teacher",
    mentorProfile: true,
    menteeProfile: false,
    ...o,
  });
}

/** A mentee with a mentee profile (a pupil unless told otherwise). */
export function createMentee(organisationId: number, o: PersonOptions = {}) {
  return createPerson(organisationId, { category: "pupil", menteeProfile: true, ...o });
}

export interface ProgrammeOptions {
  title?: string;
  format?: Format;
  roleModel?: string;
  startDate?: string;
  endDate?: string | null;
  stage?: "preparatory" | "design" | "implementation" | "reflective" | "resultative";
  archived?: boolean;
}

/** A programme of the organisation; by default «педагог – ученик» from 1 September 2024. */
export async function createProgramme(organisationId: number, o: ProgrammeOptions = {}) {
  const db = await getDb();
  seq += 1;
  const [p] = await db
    .insert(programmes)
    .values({
      organisationId,
      title: o.title ?? `Программа ${seq}`,
      format: o.format ?? "teacher_pupil",
      roleModel: o.roleModel ?? "педагог – одарённый ученик",
      startDate: o.startDate ?? "2024-09-01",
      endDate: o.endDate ?? null,
      stage: o.stage ?? "implementation",
      archived: o.archived ?? false,
    })
    .returning();
  return p;
}

/** A pair of the programme, written as is (no checks): for setting up a test's starting state. */
export async function createMentorship(
  programme: { id: number; organisationId: number },
  mentorId: number,
  menteeId: number,
  o: { entryDate?: string; endDate?: string | null; archived?: boolean } = {},
) {
  const db = await getDb();
  const [m] = await db
    .insert(mentorships)
    .values({
      programmeId: programme.id,
      organisationId: programme.organisationId,
      mentorId,
      menteeId,
      entryDate: o.entryDate ?? "2024-09-15",
      endDate: o.endDate ?? null,
      archived: o.archived ?? false,
    })
    .returning();
  return m;
}

/** A programme with a mentor and a mentee who fit it: the smallest valid setting for an assignment. */
export async function createAssignable(organisationId: number) {
  const programme = await createProgramme(organisationId);
  const mentor = await createMentor(organisationId);
  const mentee = await createMentee(organisationId);
  return { programme, mentor, mentee };
}
