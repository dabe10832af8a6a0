import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { bestPracticeLevelEnum, formatEnum, personCategoryEnum, stageEnum } from "./enums";
import { organisations } from "./organisation";
import { users } from "./user";

export const persons = pgTable(
  "persons",
  {
    id: serial().primaryKey(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    surname: text().notNull(),
    name: text().notNull(),
    patronymic: text().notNull().default(""),
    birthYear: integer(),
    category: personCategoryEnum().notNull(),
    /** Class or course, e.g. «7Б» or «2 курс». */
    grade: text().notNull().default(""),
    /** For outside mentors and mentees: workplace (college, employer) and position or speciality. */
    workplace: text().notNull().default(""),
    position: text().notNull().default(""),
    /** For teachers: the year teaching began; experience in year y is y − teachingSince. */
    teachingSince: integer(),
    phone: text().notNull().default(""),
    email: text().notNull().default(""),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.surname)],
);

export const mentorProfiles = pgTable("mentor_profiles", {
  personId: integer()
    .primaryKey()
    .references(() => persons.id),
  competencies: text().notNull().default(""),
  achievements: text().notNull().default(""),
  interests: text().notNull().default(""),
  preferredMenteeAge: text().notNull().default(""),
  timeAvailable: text().notNull().default(""),
  /** How many mentees the mentor leads at once; null = not set (no limit is enforced). */
  capacity: integer(),
  consentDate: date({ mode: "string" }),
  /** An adult mentor may allow the name on the public page. */
  publishName: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const menteeProfiles = pgTable("mentee_profiles", {
  personId: integer()
    .primaryKey()
    .references(() => persons.id),
  request: text().notNull().default(""),
  needCategory: text().notNull().default(""),
  /** For minors: the date of the legal representative's written consent. */
  consentDate: date({ mode: "string" }),
  /** For minors: the legal representative's e-mail, where questionnaire links go instead of the child's. */
  representativeEmail: text().notNull().default(""),
  hasIndividualRoute: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const programmes = pgTable(
  "programmes",
  {
    id: serial().primaryKey(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    title: text().notNull(),
    format: formatEnum().notNull(),
    roleModel: text().notNull().default(""),
    modes: text().array().notNull().default([]),
    goal: text().notNull().default(""),
    expectedResults: text().notNull().default(""),
    achievedResults: text().notNull().default(""),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    stage: stageEnum().notNull().default("preparatory"),
    /** In the bank of best practices: recognised by a coordinator or the region (bestPracticeLevel set). */
    bestPractice: boolean().notNull().default(false),
    /** The curator proposes the programme to the bank; a coordinator or the admin recognises it. */
    bestPracticeProposed: boolean().notNull().default(false),
    bestPracticeLevel: bestPracticeLevelEnum(),
    bestPracticeAt: timestamp({ withTimezone: true }),
    bestPracticeBy: integer().references(() => users.id),
    /** What makes it a best practice, in the recogniser's words (shown in the bank and on open data). */
    bestPracticeNote: text().notNull().default(""),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId)],
);

export const mentorships = pgTable(
  "mentorships",
  {
    id: serial().primaryKey(),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id),
    /** Denormalised from the programme so that scope filters need no join. */
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    mentorId: integer()
      .notNull()
      .references(() => persons.id),
    menteeId: integer()
      .notNull()
      .references(() => persons.id),
    entryDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    result: text().notNull().default(""),
    mentorReviewUrl: text().notNull().default(""),
    menteeReviewUrl: text().notNull().default(""),
    completed: boolean().notNull().default(false),
    orderNumber: text().notNull().default(""),
    orderDate: date({ mode: "string" }),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId),
    index().on(t.programmeId),
    index().on(t.mentorId),
    index().on(t.menteeId),
    uniqueIndex().on(t.programmeId, t.mentorId, t.menteeId, t.entryDate),
  ],
);

export type Person = typeof persons.$inferSelect;
export type Programme = typeof programmes.$inferSelect;
export type Mentorship = typeof mentorships.$inferSelect;
