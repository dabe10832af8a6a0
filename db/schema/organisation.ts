import { boolean, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { organisationKindEnum } from "./enums";
import { municipalities } from "./territory";

export const organisations = pgTable(
  "organisations",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    fullName: text().notNull(),
    shortName: text().notNull(),
    kind: organisationKindEnum().notNull().default("school"),
    address: text().notNull().default(""),
    directorName: text().notNull().default(""),
    phone: text().notNull().default(""),
    email: text().notNull().default(""),
    website: text().notNull().default(""),
    slug: text().notNull().unique(),
    joinedYear: integer(),
    /** Obliged to take part in the model: the denominator of indicator 1. */
    obliged: boolean().notNull().default(true),
    /** Form 1 figures kept on the card and confirmed each quarter. */
    learners10to18: integer().notNull().default(0),
    teachingStaff: integer().notNull().default(0),
    youngTeachers: integer().notNull().default(0),
    curatorName: text().notNull().default(""),
    curatorContact: text().notNull().default(""),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.municipalityId),
    // The organisations that report (indicator 1's denominator, completeness): counted from the index alone.
    index("organisations_reporting_index")
      .on(t.municipalityId, t.id)
      .where(sql`${t.obliged} and not ${t.archived}`),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
