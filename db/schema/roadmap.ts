import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { ROADMAP_DUE_PRECISIONS, ROADMAP_STATUSES } from "../vocabulary";
import { documents } from "./content";
import { organisations } from "./organisation";
import { municipalities, regions } from "./territory";

export const roadmapStatusEnum = pgEnum("roadmap_status", ROADMAP_STATUSES);
export const roadmapDuePrecisionEnum = pgEnum("roadmap_due_precision", ROADMAP_DUE_PRECISIONS);

/**
 * Rows of a roadmap («План мероприятий (дорожная карта)»): sections («1. Нормативно-правовое регулирование…»)
 * and items under them, in `position` order (their numbers 1, 1.1, 1.2 follow from it). The owner is an
 * organisation, a municipality or the region — exactly one level; `regionId` is always set, for scope.
 */
export const roadmapItems = pgTable(
  "roadmap_items",
  {
    id: serial().primaryKey(),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    municipalityId: integer().references(() => municipalities.id),
    organisationId: integer().references(() => organisations.id),
    position: integer().notNull(),
    isSection: boolean().notNull().default(false),
    title: text().notNull(),
    /** «Срок реализации»: a day, or a month (stored as its first day), or neither with `dueNote` alone. */
    dueDate: date({ mode: "string" }),
    duePrecision: roadmapDuePrecisionEnum(),
    /** A due in words when it has no date: «по отдельному графику», «в течение года». */
    dueNote: text().notNull().default(""),
    responsible: text().notNull().default(""),
    /** «Результат, вид документа». */
    result: text().notNull().default(""),
    status: roadmapStatusEnum().notNull().default("planned"),
    doneDate: date({ mode: "string" }),
    /** The result in the organisation's documents register (organisation roadmaps). */
    documentId: integer().references(() => documents.id),
    /** The result on the web (municipality and region roadmaps). */
    resultUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.position),
    index().on(t.municipalityId, t.position),
    index().on(t.regionId, t.dueDate),
    check("roadmap_items_one_owner", sql`${t.organisationId} is null or ${t.municipalityId} is null`),
    check("roadmap_items_due", sql`(${t.dueDate} is null) = (${t.duePrecision} is null)`),
    check("roadmap_items_done", sql`${t.doneDate} is null or ${t.status} = 'done'`),
  ],
);

export type RoadmapItem = typeof roadmapItems.$inferSelect;
