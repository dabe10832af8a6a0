import { isId } from "@/lib/validation";
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, persons } from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";
import { FORMAT_PARTIES } from "@/lib/registry/formats";
import { occupiesPlace } from "./load";
import { activeOn } from "@/lib/registry/programmes/queries";
import type { Format } from "@/lib/reports/domain";
import { regionClock } from "@/lib/territory/clock";

const mentor = alias(persons, "mentor");
const mentee = alias(persons, "mentee");

const pairColumns = (today: string) => ({
  id: mentorships.id,
  programmeId: mentorships.programmeId,
  entryDate: mentorships.entryDate,
  endDate: mentorships.endDate,
  result: mentorships.result,
  mentorReviewUrl: mentorships.mentorReviewUrl,
  menteeReviewUrl: mentorships.menteeReviewUrl,
  completed: mentorships.completed,
  orderNumber: mentorships.orderNumber,
  orderDate: mentorships.orderDate,
  archived: mentorships.archived,
  updatedAt: mentorships.updatedAt,
  active: sql<boolean>`${activeOn(today)}`,
  mentor: { id: mentor.id, surname: mentor.surname, name: mentor.name, patronymic: mentor.patronymic },
  mentee: {
    id: mentee.id,
    surname: mentee.surname,
    name: mentee.name,
    patronymic: mentee.patronymic,
    grade: mentee.grade,
  },
});

/** The programme's pairs that are not archived, grouped by mentor (a group reads as consecutive rows). */
export async function listProgrammeMentorships(org: RegisterOrg, programmeId: number) {
  const db = await getDb();
  return db
    .select(pairColumns((await regionClock(org.regionId)).today()))
    .from(mentorships)
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorId))
    .innerJoin(mentee, eq(mentee.id, mentorships.menteeId))
    .where(
      and(
        eq(mentorships.programmeId, programmeId),
        eq(mentorships.organisationId, org.id),
        eq(mentorships.archived, false),
      ),
    )
    .orderBy(
      asc(mentor.surname),
      asc(mentor.name),
      asc(mentee.surname),
      asc(mentee.name),
      asc(mentorships.id),
    );
}

/** One pair of the programme in the organisation (archived too), or null for «not found». */
export async function getMentorship(org: RegisterOrg, programmeId: number, id: number) {
  if (!isId(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select(pairColumns((await regionClock(org.regionId)).today()))
    .from(mentorships)
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorId))
    .innerJoin(mentee, eq(mentee.id, mentorships.menteeId))
    .where(
      and(
        eq(mentorships.id, id),
        eq(mentorships.programmeId, programmeId),
        eq(mentorships.organisationId, org.id),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface Candidate {
  id: number;
  surname: string;
  name: string;
  patronymic: string;
  grade: string;
  category: string;
}

/** A mentor as the picker shows and ranks them: the questionnaire, the places and the pairs they lead today. */
export interface MentorCandidate extends Candidate {
  competencies: string;
  interests: string;
  preferredMenteeAge: string;
  /** Mentees at once; null = not set. */
  capacity: number | null;
  /** Places taken: pairs not archived and not ended by today, in every programme of the organisation. */
  load: number;
}

/** A mentee as the picker ranks mentors for them: the request and what tells the age. */
export interface MenteeCandidate extends Candidate {
  request: string;
  needCategory: string;
  birthYear: number | null;
  teachingSince: number | null;
}

/**
 * Who may be offered in the assign form: persons of the organisation, not archived, of a category that
 * fits the format and with the needed profile, sorted by surname. The server checks the choice again.
 */
export async function assignCandidates(org: RegisterOrg, format: Format) {
  const db = await getDb();
  const columns = {
    id: persons.id,
    surname: persons.surname,
    name: persons.name,
    patronymic: persons.patronymic,
    grade: persons.grade,
    category: persons.category,
  };
  const mine = and(eq(persons.organisationId, org.id), eq(persons.archived, false));
  const order = [asc(persons.surname), asc(persons.name), asc(persons.patronymic), asc(persons.id)];
  const today = (await regionClock(org.regionId)).today();
  const load = db
    .select({ mentorId: mentorships.mentorId, n: sql<number>`count(*)`.mapWith(Number).as("n") })
    .from(mentorships)
    .where(and(eq(mentorships.organisationId, org.id), occupiesPlace(today)))
    .groupBy(mentorships.mentorId)
    .as("load");
  const [mentors, mentees] = await Promise.all([
    db
      .select({
        ...columns,
        competencies: mentorProfiles.competencies,
        interests: mentorProfiles.interests,
        preferredMenteeAge: mentorProfiles.preferredMenteeAge,
        capacity: mentorProfiles.capacity,
        load: sql<number>`coalesce(${load.n}, 0)`.mapWith(Number),
      })
      .from(persons)
      .innerJoin(mentorProfiles, eq(mentorProfiles.personId, persons.id))
      .leftJoin(load, eq(load.mentorId, persons.id))
      .where(and(mine, inArray(persons.category, FORMAT_PARTIES[format].mentor)))
      .orderBy(...order),
    db
      .select({
        ...columns,
        request: menteeProfiles.request,
        needCategory: menteeProfiles.needCategory,
        birthYear: persons.birthYear,
        teachingSince: persons.teachingSince,
      })
      .from(persons)
      .innerJoin(menteeProfiles, eq(menteeProfiles.personId, persons.id))
      .where(and(mine, inArray(persons.category, FORMAT_PARTIES[format].mentee)))
      .orderBy(...order),
  ]);
  return { mentors: mentors as MentorCandidate[], mentees: mentees as MenteeCandidate[] };
}
