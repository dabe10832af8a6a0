import { boolean, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { municipalityKindEnum } from "./enums";

export const regions = pgTable("regions", {
  id: serial().primaryKey(),
  name: text().notNull(),
  code: text().notNull().unique(),
  isDemo: boolean().notNull().default(false),
  /** IANA zone of the region's clock: when «today» starts, deadlines pass, dates are shown (lib/clock.ts). */
  timeZone: text().notNull().default("Europe/Moscow"),
  /** Optimistic lock of the admin's grid of the region's own plan values (targets). */
  targetsUpdatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const municipalities = pgTable(
  "municipalities",
  {
    id: serial().primaryKey(),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    name: text().notNull(),
    kind: municipalityKindEnum().notNull().default("municipal_district"),
    slug: text().notNull().unique(),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Optimistic lock of the admin's form (name, kind, archive). */
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Optimistic lock of the admin's grid of the municipality's own plan values (targets). */
    targetsUpdatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.regionId)],
);

export type Region = typeof regions.$inferSelect;
export type Municipality = typeof municipalities.$inferSelect;
