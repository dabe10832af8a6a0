import "server-only";
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, users } from "@/db/schema";
import { ROLES, type Role, type SessionUser } from "@/lib/auth/roles";
import { RULES } from "@/lib/auth/rules";
import { NotFoundError } from "@/lib/errors";
import { containsPattern, pageWindow } from "@/lib/search";
import { assignableRoles, managesRegion } from "./roles";
import { USER_NOT_FOUND, type ManagedUser } from "./scope";

export const USERS_PAGE_SIZE = 50;

const refMunicipality = sql`coalesce(${organisations.municipalityId}, ${users.municipalityId})`;

/** SQL filter on users ⋈ organisations ⋈ municipalities: the accounts the actor manages (./roles in SQL). */
function managedScope(actor: SessionUser): SQL {
  const roles = assignableRoles(actor);
  const reach = RULES.manageUsers[actor.role];
  if (roles.length === 0 || reach === "none") return sql`false`;
  const place = {
    organisation: eq(users.organisationId, actor.organisationId ?? -1),
    municipality: sql`${refMunicipality} = ${actor.municipalityId ?? -1}`,
    region: sql`coalesce(${municipalities.regionId}, ${users.regionId}) = ${actor.regionId ?? -1}`,
  }[reach];
  return and(inArray(users.role, roles), place)!;
}

export interface UserFilters {
  q?: string;
  role?: string;
  status?: string;
  page?: number;
}

export async function listUsers(actor: SessionUser, f: UserFilters) {
  const db = await getDb();
  const conditions = [managedScope(actor)];
  const q = f.q?.trim().slice(0, 100);
  if (q) {
    const like = containsPattern(q);
    conditions.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  if (f.role && (ROLES as readonly string[]).includes(f.role))
    conditions.push(eq(users.role, f.role as Role));
  if (f.status === "active") conditions.push(eq(users.active, true));
  if (f.status === "inactive") conditions.push(eq(users.active, false));
  const where = and(...conditions);
  const base = () =>
    db
      .select({ n: count() })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(municipalities, eq(municipalities.id, refMunicipality));
  const [{ n }] = await base().where(where);
  const { pages, page, offset } = pageWindow(n, USERS_PAGE_SIZE, f.page);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      lastSignInAt: users.lastSignInAt,
      organisation: organisations.shortName,
      municipality: municipalities.name,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, refMunicipality))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset(offset);
  return { rows, total: n, page, pages };
}

/** One account the actor manages, for the edit form. */
export async function getManagedUser(account: ManagedUser) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, account.id));
  if (!row) throw new NotFoundError(USER_NOT_FOUND);
  const { passwordHash, ...user } = row;
  return { ...user, hasPassword: passwordHash != null };
}

/** Organisations and municipalities the actor may assign (not archived), for the selects. */
export async function scopeOptions(actor: SessionUser) {
  const db = await getDb();
  const region = managesRegion(actor);
  const orgWhere = region
    ? eq(municipalities.regionId, actor.regionId ?? -1)
    : eq(organisations.municipalityId, actor.municipalityId ?? -1);
  const orgs = await db
    .select({ id: organisations.id, name: organisations.shortName, municipality: municipalities.name })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(and(orgWhere, eq(organisations.archived, false)))
    .orderBy(asc(municipalities.name), asc(organisations.shortName));
  const munis = assignableRoles(actor).includes("coordinator")
    ? await db
        .select({ id: municipalities.id, name: municipalities.name })
        .from(municipalities)
        .where(and(eq(municipalities.regionId, actor.regionId ?? -1), eq(municipalities.archived, false)))
        .orderBy(asc(municipalities.name))
    : [];
  return {
    organisations: orgs.map(
      (o) => [String(o.id), region ? `${o.name} (${o.municipality})` : o.name] as [string, string],
    ),
    municipalities: munis.map((m) => [String(m.id), m.name] as [string, string]),
  };
}
