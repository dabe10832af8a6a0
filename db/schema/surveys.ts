import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisation";
import { persons, programmes } from "./registry";
import { regions } from "./territory";
import { users } from "./user";

export const surveyRoleEnum = pgEnum("survey_role", ["mentor", "mentee"]);
export const surveyStageEnum = pgEnum("survey_stage", ["before", "after"]);
export const surveySourceEnum = pgEnum("survey_source", ["paper", "link"]);

/** A question of a questionnaire version (kept as JSON: a version never changes once published). */
export interface SurveyQuestion {
  /** Stable across versions while the question means the same: before and after are compared by it. */
  id: string;
  text: string;
  type: "scale10" | "scale5" | "yesno" | "choice" | "text";
  /** For «choice»: the options, in order. */
  options?: string[];
  required: boolean;
}

/**
 * The region's monitoring questionnaire for one role (seed 001 §7.2–7.5), one row per published version:
 * editing publishes a new version, and the answers keep the version they were given against.
 */
export const surveyQuestionnaires = pgTable(
  "survey_questionnaires",
  {
    id: serial().primaryKey(),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    role: surveyRoleEnum().notNull(),
    version: integer().notNull(),
    questions: jsonb().$type<SurveyQuestion[]>().notNull(),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.regionId, t.role, t.version)],
);

/** A participant's answers in a programme, before entering it or after finishing it: one per stage. */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: serial().primaryKey(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id),
    personId: integer()
      .notNull()
      .references(() => persons.id),
    role: surveyRoleEnum().notNull(),
    stage: surveyStageEnum().notNull(),
    questionnaireId: integer()
      .notNull()
      .references(() => surveyQuestionnaires.id),
    /** Keyed by question id: a number (scales), true/false (yes/no), the option or the text. */
    answers: jsonb().$type<Record<string, number | boolean | string>>().notNull(),
    source: surveySourceEnum().notNull(),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.programmeId, t.personId, t.role, t.stage), index().on(t.organisationId)],
);

/**
 * One-time links to a questionnaire, for a participant without an account. Only the SHA-256 of the token is
 * stored; a link expires, is spent by its answers and can be revoked.
 */
export const surveyLinks = pgTable(
  "survey_links",
  {
    id: serial().primaryKey(),
    tokenHash: text().notNull().unique(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id),
    personId: integer()
      .notNull()
      .references(() => persons.id),
    role: surveyRoleEnum().notNull(),
    stage: surveyStageEnum().notNull(),
    questionnaireId: integer()
      .notNull()
      .references(() => surveyQuestionnaires.id),
    /** Whom the letter went to: the participant, the legal representative, or nobody (copied by hand). */
    sentTo: text().notNull().default("none"),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.programmeId, t.personId)],
);

export type SurveyQuestionnaire = typeof surveyQuestionnaires.$inferSelect;
export type SurveyResponse = typeof surveyResponses.$inferSelect;
export type SurveyLink = typeof surveyLinks.$inferSelect;
