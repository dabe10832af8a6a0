import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb, type DbOrTx } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { SessionUser } from "./roles";
import { reaches, RULES, type Permission } from "./rules";

/*
 * The one resolver of scope. It turns a user and an id into a branded value, or refuses with «not found»
 * (nothing is revealed about records outside the user's reach). Queries and mutations that read or write an
 * organisation's, a municipality's or a region's data take these values, never a bare number: a page or
 * action that forgets the check does not compile.
 */
declare const VIEW: unique symbol;
declare const REGISTERS: unique symbol;
declare const EDIT: unique symbol;
declare const MUNICIPALITY: unique symbol;
declare const REGION: unique symbol;
declare const ADMINISTER: unique symbol;
declare const COUNTRY: unique symbol;

interface OrgFields {
  readonly id: number;
  readonly municipalityId: number;
  readonly regionId: number;
}
/** An organisation the user may view (card, reports, figures). */
export type ScopedOrg = OrgFields & { readonly [VIEW]: true };
/** …and whose registers (names, personal data) the user may read. */
export type RegisterOrg = ScopedOrg & { readonly [REGISTERS]: true };
/** …and whose registers, documents, events, card and draft reports the user may change. */
export type EditableOrg = RegisterOrg & { readonly [EDIT]: true };

/** A municipality the user may view. */
export type ScopedMunicipality = {
  readonly id: number;
  readonly regionId: number;
  readonly [MUNICIPALITY]: true;
};
/** A region the user may view. */
export type ScopedRegion = { readonly id: number; readonly [REGION]: true };
/** A region the user administers (directory, periods, targets). */
export type AdminRegion = ScopedRegion & { readonly [ADMINISTER]: true };
/** The whole country: every region's figures and completeness, never personal data (the federal level). */
export type ScopedCountry = { readonly level: "country"; readonly [COUNTRY]: true };

export type OrgAccess = "view" | "registers" | "edit";
const ORG_PERMISSION: Record<OrgAccess, Permission> = {
  view: "viewOrganisation",
  registers: "readRegisters",
  edit: "editOrganisation",
};
type OrgOf<A extends OrgAccess> = A extends "edit"
  ? EditableOrg
  : A extends "registers"
    ? RegisterOrg
    : ScopedOrg;

export const ORG_NOT_FOUND = "Организация не найдена или недоступна.";
export const MUNICIPALITY_NOT_FOUND = "Муниципалитет не найден или недоступен.";
export const REGION_NOT_FOUND = "Регион не найден или недоступен.";

export interface ScopeOptions {
  /** Read (and lock) inside this transaction. */
  tx?: DbOrTx;
  /** Lock the organisation's or municipality's row until the transaction ends. */
  lock?: boolean;
  /** The refusal's text, when «not found» should name the record the user asked for (a report, a file). */
  notFound?: string;
}

/** The organisation's id, municipality and region, as the scope's values carry them. */
function orgFieldsQuery(db: DbOrTx, id: number) {
  return db
    .select({
      id: organisations.id,
      municipalityId: organisations.municipalityId,
      regionId: municipalities.regionId,
    })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, id));
}

/**
 * The organisation's row with its municipality's and its region's name, read once per request (React cache; in
 * an action or a route each call reads): a page's scope check and the card it then shows are one statement.
 */
const organisationRecordOnce = cache(async (id: number) => {
  const db = await getDb();
  const [row] = await db
    .select({ org: organisations, municipality: municipalities, regionName: regions.name })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .where(eq(organisations.id, id))
    .limit(1);
  return row ?? null;
});

/** The card of an organisation in the user's scope: its row, its municipality's and its region's name. */
export async function organisationCard(scope: ScopedOrg) {
  const record = await organisationRecordOnce(scope.id);
  if (!record) throw new NotFoundError(ORG_NOT_FOUND);
  return record;
}

/** The organisation `id` with the access asked for, or NotFoundError. */
export async function scopeOrg<A extends OrgAccess>(
  user: SessionUser,
  id: number | null | undefined,
  access: A,
  opts: ScopeOptions = {},
): Promise<OrgOf<A>> {
  const refuse = () => new NotFoundError(opts.notFound ?? ORG_NOT_FOUND);
  if (!Number.isSafeInteger(id) || (id as number) <= 0 || (id as number) > 2147483647) throw refuse();
  let row: OrgFields | undefined;
  if (opts.tx || opts.lock) {
    const query = orgFieldsQuery(opts.tx ?? (await getDb()), id as number);
    [row] = opts.lock ? await query.for("no key update", { of: organisations }) : await query;
  } else {
    // A page's read: the same row serves the card the page shows next (organisationCard).
    const record = await organisationRecordOnce(id as number);
    if (record)
      row = {
        id: record.org.id,
        municipalityId: record.org.municipalityId,
        regionId: record.municipality.regionId,
      };
  }
  if (!row) throw refuse();
  const permission = ORG_PERMISSION[access];
  if (!reaches(user, permission, { organisationId: row.id, ...row })) throw refuse();
  return row as OrgOf<A>;
}

/** The municipality `id` if the user may view it, or NotFoundError. */
export async function scopeMunicipality(
  user: SessionUser,
  id: number | null | undefined,
  opts: ScopeOptions = {},
): Promise<ScopedMunicipality> {
  const refuse = () => new NotFoundError(opts.notFound ?? MUNICIPALITY_NOT_FOUND);
  if (!Number.isSafeInteger(id) || (id as number) <= 0 || (id as number) > 2147483647) throw refuse();
  const db = opts.tx ?? (await getDb());
  const query = db
    .select({ id: municipalities.id, regionId: municipalities.regionId })
    .from(municipalities)
    .where(eq(municipalities.id, id as number));
  const [row] = opts.lock ? await query.for("no key update") : await query;
  if (!row || !reaches(user, "viewMunicipality", { municipalityId: row.id, regionId: row.regionId }))
    throw refuse();
  return row as ScopedMunicipality;
}

/** The user's own region, if the role sees a region at all (ministry, admin). */
export async function scopeRegion(user: SessionUser, opts: ScopeOptions = {}): Promise<ScopedRegion> {
  return regionWith(user, "viewRegion", opts) as Promise<ScopedRegion>;
}

/**
 * The region `id` if the user may view it: a region role only its own, the federal level any (NotFoundError
 * otherwise, as for a region that does not exist).
 */
export async function scopeRegionById(
  user: SessionUser,
  id: number | null | undefined,
  opts: ScopeOptions = {},
): Promise<ScopedRegion> {
  const refuse = () => new NotFoundError(opts.notFound ?? REGION_NOT_FOUND);
  if (!Number.isSafeInteger(id) || (id as number) <= 0 || (id as number) > 2147483647) throw refuse();
  const db = opts.tx ?? (await getDb());
  const [row] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(eq(regions.id, id as number));
  if (!row || !reaches(user, "viewRegion", { regionId: row.id })) throw refuse();
  return row as ScopedRegion;
}

/** The whole country, if the user's reach is the country (the federal level), or NotFoundError. */
export function scopeCountry(user: SessionUser, opts: Pick<ScopeOptions, "notFound"> = {}): ScopedCountry {
  if (RULES.viewRegion[user.role] !== "country") throw new NotFoundError(opts.notFound ?? REGION_NOT_FOUND);
  return { level: "country" } as ScopedCountry;
}

/** The user's own region, if the user administers it (admin). */
export async function scopeAdminRegion(user: SessionUser, opts: ScopeOptions = {}): Promise<AdminRegion> {
  return regionWith(user, "administerRegion", opts) as Promise<AdminRegion>;
}

async function regionWith(user: SessionUser, permission: Permission, opts: ScopeOptions) {
  const refuse = () => new NotFoundError(opts.notFound ?? REGION_NOT_FOUND);
  if (user.regionId == null) throw refuse();
  const db = opts.tx ?? (await getDb());
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, user.regionId));
  if (!row || !reaches(user, permission, { regionId: row.id })) throw refuse();
  return row;
}

/**
 * For the system's own work (the demo generator, command-line tools, rebuilds), never with a user's input:
 * the organisation as if every right were granted.
 */
export async function systemOrg(db: DbOrTx, id: number): Promise<EditableOrg> {
  const [row] = await orgFieldsQuery(db, id);
  if (!row) throw new NotFoundError(ORG_NOT_FOUND);
  return row as EditableOrg;
}
