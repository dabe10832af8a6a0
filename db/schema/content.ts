import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { documentTypeEnum } from "./enums";
import { organisations } from "./organisation";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Uploaded files live in the database so that a database backup holds them. */
export const files = pgTable("files", {
  id: serial().primaryKey(),
  organisationId: integer()
    .notNull()
    .references(() => organisations.id),
  name: text().notNull(),
  mime: text().notNull(),
  size: integer().notNull(),
  data: bytea().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const documents = pgTable(
  "documents",
  {
    id: serial().primaryKey(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    type: documentTypeEnum().notNull(),
    number: text().notNull().default(""),
    date: date({ mode: "string" }),
    title: text().notNull(),
    fileId: integer().references(() => files.id),
    inForce: boolean().notNull().default(true),
    public: boolean().notNull().default(true),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId)],
);

export const events = pgTable(
  "events",
  {
    id: serial().primaryKey(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    date: date({ mode: "string" }).notNull(),
    title: text().notNull(),
    text: text().notNull().default(""),
    public: boolean().notNull().default(true),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.date)],
);

export type Document = typeof documents.$inferSelect;
export type OrgEvent = typeof events.$inferSelect;
