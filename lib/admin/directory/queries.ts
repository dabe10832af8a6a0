import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import { ORG_NOT_FOUND, REGION_NOT_FOUND, type AdminRegion, type EditableOrg } from "@/lib/auth/scoped";
import { NotFoundError } from "@/lib/errors";
import { organisationNameMatches, organisationsPage } from "@/lib/organisations/list";

export const ORGS_PAGE_SIZE = 50;

/** The admin's region with its municipalities and how many working organisations each has. */
export async function listMunicipalities(scoped: AdminRegion) {
  const db = await getDb();
  const [region] = await db.select().from(regions).where(eq(regions.id, scoped.id));
  if (!region) throw new NotFoundError(REGION_NOT_FOUND);
  const rows = await db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      kind: municipalities.kind,
      slug: municipalities.slug,
      archived: municipalities.archived,
      updatedAt: municipalities.updatedAt,
      organisations: sql<number>`(select count(*)::int from ${organisations} o where o.municipality_id = "municipalities"."id" and not o.archived)`,
    })
    .from(municipalities)
    .where(eq(municipalities.regionId, region.id))
    .orderBy(asc(municipalities.archived), asc(municipalities.name));
  return { region, rows };
}

export interface OrgFilters {
  municipalityId?: number;
  q?: string;
  archived?: boolean;
  page?: number;
}

export async function listDirectoryOrganisations(region: AdminRegion, f: OrgFilters) {
  const db = await getDb();
  const conditions = [
    eq(municipalities.regionId, region.id),
    eq(organisations.archived, f.archived ?? false),
  ];
  if (f.municipalityId) conditions.push(eq(organisations.municipalityId, f.municipalityId));
  const named = organisationNameMatches(f.q);
  if (named) conditions.push(named);
  const where = and(...conditions);
  const { total: n, pages, page, offset } = await organisationsPage(db, where, ORGS_PAGE_SIZE, f.page);
  const rows = await db
    .select({
      id: organisations.id,
      shortName: organisations.shortName,
      kind: organisations.kind,
      slug: organisations.slug,
      municipality: municipalities.name,
      obliged: organisations.obliged,
      joinedYear: organisations.joinedYear,
      archived: organisations.archived,
    })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(where)
    .orderBy(asc(municipalities.name), asc(organisations.shortName))
    .limit(ORGS_PAGE_SIZE)
    .offset(offset);
  return { rows, total: n, page, pages };
}

/** One organisation of the admin's region, archived ones too. */
export async function getDirectoryOrganisation(scoped: EditableOrg) {
  const db = await getDb();
  const [row] = await db
    .select({ org: organisations, municipality: municipalities.name })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, scoped.id));
  if (!row) throw new NotFoundError(ORG_NOT_FOUND);
  return row;
}

/** Working municipalities of the admin's region for selects, as [value, label]. */
export async function municipalityOptions(region: AdminRegion): Promise<[string, string][]> {
  const db = await getDb();
  const rows = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, region.id), eq(municipalities.archived, false)))
    .orderBy(asc(municipalities.name));
  return rows.map((m) => [String(m.id), m.name]);
}
