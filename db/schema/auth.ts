import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./user";

/**
 * Sign-in attempts per key (an account or a client address) in a fixed window, shared by every app
 * instance. A row is counted before the password is checked; rows past `resetAt` are deleted now and then.
 */
export const authLimits = pgTable("auth_limits", {
  key: text().primaryKey(),
  hits: integer().notNull(),
  resetAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * One row per sign-in; the session cookie carries its id. A session ends when revoked (sign-out), at
 * `expiresAt` (absolute: activity does not extend it) or after a pause longer than the idle timeout.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

export type AuthSession = typeof authSessions.$inferSelect;
