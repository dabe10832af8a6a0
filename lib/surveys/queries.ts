import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import {
  menteeProfiles,
  mentorships,
  persons,
  surveyLinks,
  surveyQuestionnaires,
  surveyResponses,
} from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";
import { isMinor } from "@/lib/registry/persons/schemas";
import { regionClock } from "@/lib/territory/clock";
import type { SurveyRole, SurveyStage } from "./questions";

import { usableLink } from "./mutations";

export interface StageStatus {
  answered: null | { source: "paper" | "link"; at: Date; version: number | null };
  link: null | { id: number; expiresAt: Date; sentTo: string };
}

export interface SurveyParticipant {
  personId: number;
  role: SurveyRole;
  surname: string;
  name: string;
  patronymic: string;
  minor: boolean;
  hasEmail: boolean;
  hasRepresentative: boolean;
  stages: Record<SurveyStage, StageStatus>;
}

/** The programme's participants (mentors, then mentees of live pairs) with the state of both questionnaires. */
export async function programmeSurveys(org: RegisterOrg, programmeId: number): Promise<SurveyParticipant[]> {
  const db = await getDb();
  const clock = await regionClock(org.regionId);
  const year = Number(clock.today().slice(0, 4));
  const now = new Date();
  const people = async (role: SurveyRole) => {
    const side = role === "mentor" ? mentorships.mentorId : mentorships.menteeId;
    return db
      .selectDistinct({
        personId: persons.id,
        surname: persons.surname,
        name: persons.name,
        patronymic: persons.patronymic,
        birthYear: persons.birthYear,
        email: persons.email,
        representativeEmail: menteeProfiles.representativeEmail,
      })
      .from(mentorships)
      .innerJoin(persons, eq(persons.id, side))
      .leftJoin(menteeProfiles, eq(menteeProfiles.personId, persons.id))
      .where(
        and(
          eq(mentorships.programmeId, programmeId),
          eq(mentorships.organisationId, org.id),
          eq(mentorships.archived, false),
          eq(persons.archived, false),
        ),
      )
      .orderBy(asc(persons.surname), asc(persons.name), asc(persons.patronymic), asc(persons.id));
  };
  const [mentors, mentees, responses, links] = await Promise.all([
    people("mentor"),
    people("mentee"),
    db
      .select({
        personId: surveyResponses.personId,
        role: surveyResponses.role,
        stage: surveyResponses.stage,
        source: surveyResponses.source,
        at: surveyResponses.updatedAt,
        questionnaireId: surveyResponses.questionnaireId,
      })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.programmeId, programmeId), eq(surveyResponses.organisationId, org.id))),
    db
      .select()
      .from(surveyLinks)
      .where(
        and(
          eq(surveyLinks.programmeId, programmeId),
          eq(surveyLinks.organisationId, org.id),
          isNull(surveyLinks.usedAt),
          isNull(surveyLinks.revokedAt),
        ),
      ),
  ]);
  const versions = new Map(
    (
      await db
        .select({ id: surveyQuestionnaires.id, version: surveyQuestionnaires.version })
        .from(surveyQuestionnaires)
        .where(eq(surveyQuestionnaires.regionId, org.regionId))
    ).map((v) => [v.id, v.version]),
  );
  const stageOf = (personId: number, role: SurveyRole, stage: SurveyStage): StageStatus => {
    const r = responses.find((x) => x.personId === personId && x.role === role && x.stage === stage);
    const l = links.find(
      (x) => x.personId === personId && x.role === role && x.stage === stage && x.expiresAt > now,
    );
    return {
      answered: r ? { source: r.source, at: r.at, version: versions.get(r.questionnaireId) ?? null } : null,
      link: !r && l ? { id: l.id, expiresAt: l.expiresAt, sentTo: l.sentTo } : null,
    };
  };
  const shape = (role: SurveyRole) => (p: Awaited<ReturnType<typeof people>>[number]) => ({
    personId: p.personId,
    role,
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    minor: isMinor(p.birthYear, year),
    hasEmail: p.email !== "",
    hasRepresentative: (p.representativeEmail ?? "") !== "",
    stages: { before: stageOf(p.personId, role, "before"), after: stageOf(p.personId, role, "after") },
  });
  return [...mentors.map(shape("mentor")), ...mentees.map(shape("mentee"))];
}

/** The public page's view of a link: the role, the stage and the questions; nothing about the person. */
export async function surveyLinkView(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const db = await getDb();
  const row = await usableLink(db, token, now);
  if (!row) return null;
  const [version] = await db
    .select({ questions: surveyQuestionnaires.questions })
    .from(surveyQuestionnaires)
    .where(eq(surveyQuestionnaires.id, row.link.questionnaireId));
  if (!version) return null;
  return { role: row.link.role, stage: row.link.stage, questions: version.questions };
}
