import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { canViewMunicipality, canViewOrganisation } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import type { TerritoryRequest } from "./params";
import type { TerritoryRef } from "./queries";

export type Level = "region" | "municipality" | "organisation";

/** A territory the viewer may see, with what the pages name and link. */
export interface Territory {
  level: Level;
  ref: TerritoryRef;
  id: number;
  name: string;
  regionId: number;
  /** The municipality itself, or the organisation's; null for the region. */
  municipalityId: number | null;
  organisationId: number | null;
}

const NOT_FOUND = "Территория не найдена или недоступна.";

async function organisationTerritory(user: SessionUser, id: number): Promise<Territory> {
  const db = await getDb();
  const [o] = await db
    .select({
      id: organisations.id,
      name: organisations.shortName,
      municipalityId: organisations.municipalityId,
      regionId: municipalities.regionId,
    })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, id));
  if (!o || !canViewOrganisation(user, o)) throw new NotFoundError(NOT_FOUND);
  return {
    level: "organisation",
    ref: { organisationId: o.id },
    id: o.id,
    name: o.name,
    regionId: o.regionId,
    municipalityId: o.municipalityId,
    organisationId: o.id,
  };
}

async function municipalityTerritory(user: SessionUser, id: number): Promise<Territory> {
  const db = await getDb();
  const [m] = await db
    .select({ id: municipalities.id, name: municipalities.name, regionId: municipalities.regionId })
    .from(municipalities)
    .where(eq(municipalities.id, id));
  if (!m || !canViewMunicipality(user, m)) throw new NotFoundError(NOT_FOUND);
  return {
    level: "municipality",
    ref: { municipalityId: m.id },
    id: m.id,
    name: m.name,
    regionId: m.regionId,
    municipalityId: m.id,
    organisationId: null,
  };
}

async function regionTerritory(user: SessionUser): Promise<Territory> {
  if (user.role !== "ministry" && user.role !== "admin") throw new NotFoundError(NOT_FOUND);
  const db = await getDb();
  const [r] = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(eq(regions.id, user.regionId ?? -1));
  if (!r) throw new NotFoundError(NOT_FOUND);
  return {
    level: "region",
    ref: { regionId: r.id },
    id: r.id,
    name: r.name,
    regionId: r.id,
    municipalityId: null,
    organisationId: null,
  };
}

/**
 * The territory a URL asks for, checked against the viewer's scope (NotFoundError outside it).
 * Nothing asked: the viewer's own — the organisation, the municipality or the region.
 */
export async function resolveTerritory(user: SessionUser, req: TerritoryRequest): Promise<Territory> {
  if (req.organisationId) {
    const org = await organisationTerritory(user, req.organisationId);
    // The municipality was changed in the picker while an organisation of another one stayed selected.
    if (req.municipalityId && req.municipalityId !== org.municipalityId)
      return municipalityTerritory(user, req.municipalityId);
    return org;
  }
  if (req.municipalityId) return municipalityTerritory(user, req.municipalityId);
  if (req.region) return regionTerritory(user);
  if (user.role === "curator") return organisationTerritory(user, user.organisationId ?? -1);
  if (user.role === "coordinator") return municipalityTerritory(user, user.municipalityId ?? -1);
  return regionTerritory(user);
}

export interface PickerChoices {
  /** Whether the viewer may choose the region (ministry, admin). */
  region: boolean;
  municipalities: { id: number; name: string }[];
  /** Organisations of the territory's municipality. */
  organisations: { id: number; name: string }[];
}

/** What the territory picker offers the viewer around the current territory. */
export async function pickerChoices(user: SessionUser, t: Territory): Promise<PickerChoices> {
  if (user.role === "curator") return { region: false, municipalities: [], organisations: [] };
  const db = await getDb();
  const wide = user.role === "ministry" || user.role === "admin";
  const [munis, orgs] = await Promise.all([
    wide
      ? db
          .select({ id: municipalities.id, name: municipalities.name })
          .from(municipalities)
          .where(and(eq(municipalities.regionId, user.regionId ?? -1), eq(municipalities.archived, false)))
          .orderBy(asc(municipalities.name))
      : Promise.resolve([]),
    t.municipalityId
      ? db
          .select({ id: organisations.id, name: organisations.shortName })
          .from(organisations)
          .where(and(eq(organisations.municipalityId, t.municipalityId), eq(organisations.archived, false)))
          .orderBy(asc(organisations.shortName))
      : Promise.resolve([]),
  ]);
  return { region: wide, municipalities: munis, organisations: orgs };
}
