import "server-only";
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import {
  menteeProfiles,
  mentorProfiles,
  mentorships,
  municipalities,
  organisations,
  persons,
  programmes,
} from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { RULES, type Permission, type Reach } from "@/lib/auth/rules";
import { organisationCard, type RegisterOrg, type ScopedOrg } from "@/lib/auth/scoped";
import { inForceDocuments } from "@/lib/reports/compute";
import { REQUIRED_DOCUMENT_TYPES, requiredDocuments } from "@/lib/reports/form1";
import { regionClock } from "@/lib/territory/clock";
import { ORGANISATION_KIND_LABELS } from "./labels";
import { organisationNameMatches, organisationsPage } from "@/lib/organisations/list";

/** SQL filter on organisations ⋈ municipalities for the user's reach of a permission (the rules table). */
export function organisationScope(user: SessionUser, permission: Permission = "viewOrganisation"): SQL {
  switch (RULES[permission][user.role] as Reach) {
    case "organisation":
      return eq(organisations.id, user.organisationId ?? -1);
    case "municipality":
      return eq(organisations.municipalityId, user.municipalityId ?? -1);
    case "region":
      return eq(municipalities.regionId, user.regionId ?? -1);
    case "country":
      return sql`true`;
    case "none":
      return sql`false`;
  }
}

export { organisationCard };

/** Rows per page of the organisations' list. */
export const ORG_LIST_PAGE = 50;

export interface OrgListFilters {
  /** Part of the short or full name. */
  q?: string;
  municipalityId?: number;
  kind?: string;
  page?: number;
}

/**
 * The organisations the user may view, a page at a time (a region holds hundreds to thousands): filtered by
 * name, municipality and kind in SQL, counted in SQL, ordered by municipality and name.
 */
export async function listOrganisations(user: SessionUser, f: OrgListFilters = {}) {
  const db = await getDb();
  const conditions = [organisationScope(user), eq(organisations.archived, false)];
  if (f.municipalityId) conditions.push(eq(organisations.municipalityId, f.municipalityId));
  if (f.kind && Object.hasOwn(ORGANISATION_KIND_LABELS, f.kind))
    conditions.push(eq(organisations.kind, f.kind as (typeof organisations.kind.enumValues)[number]));
  const named = organisationNameMatches(f.q);
  if (named) conditions.push(named);
  const where = and(...conditions);
  const { total: n, pages, page, offset } = await organisationsPage(db, where, ORG_LIST_PAGE, f.page);
  const rows = await db
    .select({
      id: organisations.id,
      shortName: organisations.shortName,
      kind: organisations.kind,
      municipalityId: municipalities.id,
      municipality: municipalities.name,
      learners10to18: organisations.learners10to18,
      teachingStaff: organisations.teachingStaff,
    })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(where)
    .orderBy(asc(municipalities.name), asc(organisations.shortName), asc(organisations.id))
    .limit(ORG_LIST_PAGE)
    .offset(offset);
  return { rows, total: n, page, pages };
}

/**
 * The municipalities to filter the list by: those of the user's region when the user sees a whole region; none
 * for a narrower reach (a coordinator's list is one municipality already).
 */
export async function municipalitiesInReach(user: SessionUser): Promise<{ id: number; name: string }[]> {
  if (RULES.viewOrganisation[user.role] !== "region") return [];
  const db = await getDb();
  return db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, user.regionId ?? -1), eq(municipalities.archived, false)))
    .orderBy(asc(municipalities.name), asc(municipalities.id));
}

/** Register sizes of one organisation whose registers the user may read. */
export async function registerSizes(org: RegisterOrg) {
  const organisationId = org.id;
  const db = await getDb();
  const today = (await regionClock(org.regionId)).today();
  // One statement, not five: each round trip to PostgreSQL costs the page more than the count itself. The
  // persons are scanned once, their mentor's and mentee's profiles (one at most each) joined to them.
  const countIn = (from: SQL, where: SQL | undefined) =>
    sql<number>`(select count(*) from ${from} where ${where})`.mapWith(Number);
  const [row] = await db
    .select({
      persons: count(),
      mentors: count(mentorProfiles.personId),
      mentees: count(menteeProfiles.personId),
      programmes: countIn(
        sql`${programmes}`,
        and(eq(programmes.organisationId, organisationId), eq(programmes.archived, false)),
      ),
      activeMentorships: countIn(
        sql`${mentorships}`,
        and(
          eq(mentorships.organisationId, organisationId),
          eq(mentorships.archived, false),
          sql`(${mentorships.endDate} is null or ${mentorships.endDate} >= ${today})`,
        ),
      ),
    })
    .from(persons)
    .leftJoin(mentorProfiles, eq(mentorProfiles.personId, persons.id))
    .leftJoin(menteeProfiles, eq(menteeProfiles.personId, persons.id))
    .where(and(eq(persons.organisationId, organisationId), eq(persons.archived, false)));
  return row ?? { persons: 0, mentors: 0, mentees: 0, programmes: 0, activeMentorships: 0 };
}

export { REQUIRED_DOCUMENT_TYPES as REQUIRED_DOCUMENTS } from "@/lib/reports/form1";

/**
 * Which of the four required documents are missing today, by the same rule as form 1 of the current report
 * (in force, not archived, dated today or earlier), and whether a curator is appointed.
 */
export async function requiredDocumentsStatus(scope: ScopedOrg) {
  const db = await getDb();
  // The card is the one the page's scope check read (organisationCard): no statement of its own on a page.
  const [rows, { org }, clock] = await Promise.all([
    inForceDocuments(db, scope),
    organisationCard(scope),
    regionClock(scope.regionId),
  ]);
  const required = requiredDocuments(rows, clock.today());
  return {
    missing: REQUIRED_DOCUMENT_TYPES.filter((t) => !required[t].present),
    curatorAppointed:
      Boolean(org.curatorName) ||
      rows.some((r) => r.type === "curator_appointment" && (r.date ?? "") <= clock.today()),
  };
}
