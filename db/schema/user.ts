import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";
import { organisations } from "./organisation";
import { municipalities, regions } from "./territory";

export const users = pgTable(
  "users",
  {
    id: serial().primaryKey(),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    /** Scope: a curator has an organisation, a coordinator a municipality, ministry and admin a region. */
    organisationId: integer().references(() => organisations.id),
    municipalityId: integer().references(() => municipalities.id),
    regionId: integer().references(() => regions.id),
    passwordHash: text(),
    active: boolean().notNull().default(true),
    /** Bumped on deactivation or a change of role or scope: older sessions stop working. */
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    /**
     * The regional identity (OIDC) bound to the account: the provider's issuer and the subject (`sub`) it gave.
     * Bound at the first SSO sign-in by a verified e-mail; later SSO sign-ins match by these only.
     */
    oidcIssuer: text(),
    oidcSubject: text(),
    oidcBoundAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId),
    index().on(t.municipalityId),
    uniqueIndex().on(t.oidcIssuer, t.oidcSubject),
  ],
);

export type User = typeof users.$inferSelect;
