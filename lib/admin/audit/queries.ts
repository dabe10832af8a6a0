import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { auditLog, municipalities, organisations, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { RULES } from "@/lib/auth/rules";
import { dayStartIn } from "@/lib/clock";
import { userClock } from "@/lib/territory/clock";
import { type AuditFilters } from "./filters";
import { pageWindow } from "@/lib/search";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 100_000;

/** Accounts whose scope lies in the region (curators through their organisation). */
const usersOfRegion = (regionId: number) => sql`
  select u.id from ${users} u
  left join ${organisations} o on o.id = u.organisation_id
  left join ${municipalities} m on m.id = coalesce(o.municipality_id, u.municipality_id)
  where coalesce(m.region_id, u.region_id) = ${regionId}`;

const usersOfMunicipality = (municipalityId: number) => sql`
  select u.id from ${users} u left join ${organisations} o on o.id = u.organisation_id
  where coalesce(o.municipality_id, u.municipality_id) = ${municipalityId}`;

/**
 * The records the actor may read (rules «readAudit»): with the region's reach those of the region's
 * municipalities, organisations and accounts; with a municipality's, those of it, its organisations and accounts.
 */
export function auditScope(actor: SessionUser): SQL {
  const noPlace = sql`(${auditLog.municipalityId} is null and ${auditLog.organisationId} is null)`;
  const reach = RULES.readAudit[actor.role];
  if (reach === "region" && actor.regionId != null) {
    const r = actor.regionId;
    return sql`(${auditLog.municipalityId} in (select id from ${municipalities} where region_id = ${r})
      or ${auditLog.organisationId} in (select o.id from ${organisations} o join ${municipalities} m on m.id = o.municipality_id where m.region_id = ${r})
      or (${noPlace} and ${auditLog.userId} in (${usersOfRegion(r)})))`;
  }
  if (reach === "municipality" && actor.municipalityId != null) {
    const m = actor.municipalityId;
    return sql`(${auditLog.municipalityId} = ${m}
      or ${auditLog.organisationId} in (select id from ${organisations} where municipality_id = ${m})
      or (${noPlace} and ${auditLog.userId} in (${usersOfMunicipality(m)})))`;
  }
  return sql`false`;
}

function where(actor: SessionUser, f: AuditFilters, zone: string) {
  const c: SQL[] = [auditScope(actor)];
  if (f.userId) c.push(eq(auditLog.userId, f.userId));
  if (f.organisationId) c.push(eq(auditLog.organisationId, f.organisationId));
  if (f.entity) c.push(eq(auditLog.entity, f.entity));
  if (f.action) c.push(eq(auditLog.action, f.action));
  if (f.from) c.push(gte(auditLog.at, dayStartIn(f.from, zone)));
  if (f.to) c.push(lt(auditLog.at, dayStartIn(f.to, zone, 1)));
  return and(...c);
}

/** The account a record of entity «user» is about, to name it instead of its id. */
const subject = alias(users, "subject");

function rowsQuery(db: DbOrTx, actor: SessionUser, f: AuditFilters, zone: string) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userName: users.name,
      userEmail: users.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      organisation: organisations.shortName,
      municipality: municipalities.name,
      changes: auditLog.changes,
      subjectName: subject.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(subject, and(eq(auditLog.entity, "user"), eq(auditLog.entityId, sql`${subject.id}::text`)))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, auditLog.municipalityId))
    .where(where(actor, f, zone))
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

export type AuditRow = Awaited<ReturnType<typeof rowsQuery>>[number];

/** One page of the log, the newest first. */
export async function listAudit(actor: SessionUser, f: AuditFilters) {
  const db = await getDb();
  const { zone } = await userClock(actor);
  const [{ n }] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(where(actor, f, zone));
  const { pages, page, offset } = pageWindow(n, AUDIT_PAGE_SIZE, f.page);
  const rows = await rowsQuery(db, actor, f, zone).limit(AUDIT_PAGE_SIZE).offset(offset);
  return { rows, total: n, page, pages };
}

/** Every record under the filters (up to the export limit), for the CSV; days are the zone's. */
export function auditForExport(tx: DbOrTx, actor: SessionUser, f: AuditFilters, zone: string) {
  return rowsQuery(tx, actor, f, zone).limit(AUDIT_EXPORT_LIMIT);
}

/** Accounts and organisations of the actor's scope, for the filter selects. */
export async function auditFilterOptions(actor: SessionUser) {
  const db = await getDb();
  const region = RULES.readAudit[actor.role] === "region";
  const inScope = region
    ? eq(municipalities.regionId, actor.regionId ?? -1)
    : eq(municipalities.id, actor.municipalityId ?? -1);
  const orgs = await db
    .select({ id: organisations.id, name: organisations.shortName })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(inScope)
    .orderBy(asc(organisations.shortName));
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(
      municipalities,
      eq(municipalities.id, sql`coalesce(${organisations.municipalityId}, ${users.municipalityId})`),
    )
    .where(
      region
        ? sql`coalesce(${municipalities.regionId}, ${users.regionId}) = ${actor.regionId ?? -1}`
        : eq(municipalities.id, actor.municipalityId ?? -1),
    )
    .orderBy(asc(users.name));
  return {
    organisations: orgs.map((o) => [String(o.id), o.name] as [string, string]),
    users: people.map((u) => [String(u.id), `${u.name} (${u.email})`] as [string, string]),
  };
}
