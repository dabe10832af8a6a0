import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./user";

/** What a notification says: names of organisations and periods, a link and a comment — never a minor's data. */
export interface NotificationPayload {
  title: string;
  body: string;
  /** A path inside the app the notification leads to. */
  href: string | null;
  /** The reviewer's comment of a returned report, the reason of a reopening. */
  comment?: string;
}

/**
 * A notification to one user (issue 13): an event of the reports' workflow or a deadline. The write that causes
 * the event inserts it in its own transaction (the outbox); `dedupeKey` makes every event land once however many
 * scans or instances see it. `mailId` is the letter (digest or urgent) that carried it by e-mail.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    dedupeKey: text().notNull().unique(),
    payload: jsonb().$type<NotificationPayload>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** The letter that carried it; null: not sent by e-mail (yet, or never: e-mail off for the kind). */
    mailId: integer().references(() => notificationMails.id),
  },
  (t) => [index().on(t.userId, t.createdAt), index("notifications_unmailed_index").on(t.mailId, t.userId)],
);

/**
 * A letter of notifications to one user: the day's digest or an urgent one. Claimed (inserted, with its
 * notifications attached) in a transaction before sending, so that two workers cannot both send it; the unique
 * (user, day, kind) keeps it to one of each a day. A letter left «claimed» by a crash is never resent.
 */
export const notificationMails = pgTable(
  "notification_mails",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** "digest" or "urgent". */
    kind: text().notNull(),
    /** The day in the user's region, YYYY-MM-DD. */
    day: text().notNull(),
    /** "claimed" → "sent"; a refused letter is deleted and its notifications wait for the next one. */
    state: text().notNull().default("claimed"),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.userId, t.day, t.kind)],
);

/** A user's choice of e-mail per kind of notification; no row: e-mail on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: integer()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    email: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationMail = typeof notificationMails.$inferSelect;
