import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organisations } from "./organisation";
import { reports } from "./reporting";

const sums = {
  covered: integer().notNull().default(0),
  implementing: integer().notNull().default(0),
  activeProgrammes: integer().notNull().default(0),
  learnerMentees: integer().notNull().default(0),
  learnerMentors: integer().notNull().default(0),
  teacherMentors: integer().notNull().default(0),
  youngTeacherMentees: integer().notNull().default(0),
  youngTeachersWithRoute: integer().notNull().default(0),
  learnersAny: integer().notNull().default(0),
  teachersAny: integer().notNull().default(0),
  learners: integer().notNull().default(0),
  staff: integer().notNull().default(0),
  youngTeachers: integer().notNull().default(0),
  // The structure page (seed 000, slides 17–19): programmes and participants by the forms' groups of formats,
  // the four required documents and a named curator, from the same report.
  programmesForm2: integer().notNull().default(0),
  programmesForm3: integer().notNull().default(0),
  programmesForm4: integer().notNull().default(0),
  programmesForm5: integer().notNull().default(0),
  programmesOther: integer().notNull().default(0),
  participantsForm2: integer().notNull().default(0),
  participantsForm3: integer().notNull().default(0),
  participantsForm4: integer().notNull().default(0),
  participantsForm5: integer().notNull().default(0),
  participantsOther: integer().notNull().default(0),
  docModelIntroduction: integer().notNull().default(0),
  docRegulationApproval: integer().notNull().default(0),
  docPairsAssignment: integer().notNull().default(0),
  docPersonalisedProgramme: integer().notNull().default(0),
  curatorNamed: integer().notNull().default(0),
};

/**
 * What the latest approved report of a year says about an organisation: the pre-aggregated input of every
 * indicator, updated in the transaction that approves or reopens a report (spec/indicators.md).
 */
export const indicatorFacts = pgTable(
  "indicator_facts",
  {
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    year: integer().notNull(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    quarter: integer().notNull(),
    municipalityId: integer().notNull(),
    regionId: integer().notNull(),
    ...sums,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.year] }),
    index().on(t.municipalityId, t.year),
    index().on(t.regionId, t.year),
  ],
);

/** The facts rolled up per municipality and per region and year: what indicator pages read. */
export const indicatorRollups = pgTable(
  "indicator_rollups",
  {
    level: text({ enum: ["municipality", "region"] }).notNull(),
    territoryId: integer().notNull(),
    year: integer().notNull(),
    ...sums,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.level, t.territoryId, t.year] })],
);
