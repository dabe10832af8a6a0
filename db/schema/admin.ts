import { index, integer, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./user";

export const passwordLinkPurposeEnum = pgEnum("password_link_purpose", ["invite", "reset"]);

/**
 * One-time links to set a password. Only the SHA-256 of the random token is stored: a copy of the
 * database does not let anyone sign in. A link expires, and is spent by its first use.
 */
export const passwordLinks = pgTable(
  "password_links",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull().unique(),
    purpose: passwordLinkPurposeEnum().notNull(),
    createdById: integer().references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

export type PasswordLink = typeof passwordLinks.$inferSelect;
