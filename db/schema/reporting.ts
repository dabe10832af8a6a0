import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { Form1, ReportForms, ReportSummary } from "../report-types";
import { reportModeEnum, reportStatusEnum, roleEnum } from "./enums";
import { organisations } from "./organisation";
import { municipalities, regions } from "./territory";
import { users } from "./user";

/**
 * A reporting period of a region: a quarter with its deadline, open or closed for the curators' reports. Each
 * region's admin opens, closes and re-dates the region's own periods.
 */
export const periods = pgTable(
  "periods",
  {
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    year: integer().notNull(),
    quarter: integer().notNull(),
    deadline: date({ mode: "string" }).notNull(),
    open: boolean().notNull().default(true),
    /** Optimistic lock of the admin's form: the stamp it was opened with, and who changed the period last. */
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedById: integer().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year, t.quarter] })],
);

export const reports = pgTable(
  "reports",
  {
    id: serial().primaryKey(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    year: integer().notNull(),
    quarter: integer().notNull(),
    status: reportStatusEnum().notNull().default("draft"),
    mode: reportModeEnum().notNull().default("register"),
    /** Optimistic lock: every save increments it and must name the version it started from. */
    version: integer().notNull().default(1),
    form1: jsonb().$type<Form1>().notNull(),
    forms: jsonb().$type<ReportForms>().notNull(),
    summary: jsonb().$type<ReportSummary>().notNull(),
    /** Whether all four required documents are in force (indicator 1). */
    documentsComplete: boolean().notNull().default(false),
    warningsAcknowledged: boolean().notNull().default(false),
    submittedAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    updatedById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organisationId, t.year, t.quarter),
    index().on(t.year, t.quarter, t.status),
    // Statuses of a period for many organisations (completeness, review queues) without reading the wide rows.
    index("reports_period_organisation_status_index").on(t.year, t.quarter, t.organisationId, t.status),
  ],
);

export const reportTransitions = pgTable(
  "report_transitions",
  {
    id: serial().primaryKey(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    fromStatus: reportStatusEnum(),
    toStatus: reportStatusEnum().notNull(),
    userId: integer().references(() => users.id),
    userRole: roleEnum(),
    comment: text().notNull().default(""),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.reportId)],
);

/** Planned value of an indicator for a year, for the region (municipalityId null) or a municipality. */
export const targets = pgTable(
  "targets",
  {
    id: serial().primaryKey(),
    indicator: text().notNull(),
    year: integer().notNull(),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    municipalityId: integer().references(() => municipalities.id),
    value: numeric({ mode: "number" }).notNull(),
  },
  (t) => [index().on(t.regionId, t.year)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer().references(() => users.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    organisationId: integer(),
    municipalityId: integer(),
    /** What changed; personal fields of persons are recorded as changed, never with their values. */
    changes: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index().on(t.at), index().on(t.organisationId), index().on(t.userId)],
);

/** Small key/value settings of the deployment (e.g. the years shown by default). */
export const settings = pgTable("settings", {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
});

export type Report = typeof reports.$inferSelect;
export type Period = typeof periods.$inferSelect;
