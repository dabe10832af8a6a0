import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { RULES } from "@/lib/auth/rules";
import {
  scopeCountry,
  scopeMunicipality,
  scopeOrg,
  scopeRegion,
  scopeRegionById,
  type ScopedCountry,
  type ScopedMunicipality,
  type ScopedOrg,
  type ScopedRegion,
} from "@/lib/auth/scoped";
import { municipalityName, organisationName, regionName } from "@/lib/territory/scope-name";
import { cachedFigures, DIRECTORY_TAG, figuresTag, namesTag } from "./cache";
import type { TerritoryRequest } from "./params";
import {
  countryFigures,
  municipalityFigures,
  orgFigures,
  regionFigures,
  type Level,
  type TerritoryRef,
} from "./ref";

export type { Level } from "./ref";

/** The checked scope behind a territory (lib/auth/scoped). */
export type TerritoryScope =
  | { level: "organisation"; org: ScopedOrg }
  | { level: "municipality"; municipality: ScopedMunicipality }
  | { level: "region"; region: ScopedRegion }
  | { level: "country"; country: ScopedCountry };

/** The name of the country level on every page. */
export const COUNTRY_NAME = "Российская Федерация";

/** A territory the viewer may see, with what the pages name and link. */
export interface Territory {
  level: Level;
  scope: TerritoryScope;
  ref: TerritoryRef;
  id: number;
  name: string;
  /** 0 for the country. */
  regionId: number;
  /** The municipality itself, or the organisation's; null for the region and the country. */
  municipalityId: number | null;
  organisationId: number | null;
}

const NOT_FOUND = "Территория не найдена или недоступна.";
const opts = { notFound: NOT_FOUND };

async function organisationTerritory(user: SessionUser, id: number | null): Promise<Territory> {
  const org = await scopeOrg(user, id, "view", opts);
  return {
    level: "organisation",
    scope: { level: "organisation", org },
    ref: orgFigures(org),
    id: org.id,
    name: await organisationName(org.id),
    regionId: org.regionId,
    municipalityId: org.municipalityId,
    organisationId: org.id,
  };
}

async function municipalityTerritory(user: SessionUser, id: number | null): Promise<Territory> {
  const municipality = await scopeMunicipality(user, id, opts);
  return {
    level: "municipality",
    scope: { level: "municipality", municipality },
    ref: municipalityFigures(municipality),
    id: municipality.id,
    name: await municipalityName(municipality.id),
    regionId: municipality.regionId,
    municipalityId: municipality.id,
    organisationId: null,
  };
}

function countryTerritory(user: SessionUser): Territory {
  const country = scopeCountry(user, opts);
  return {
    level: "country",
    scope: { level: "country", country },
    ref: countryFigures(country),
    id: 0,
    name: COUNTRY_NAME,
    regionId: 0,
    municipalityId: null,
    organisationId: null,
  };
}

async function regionTerritory(user: SessionUser, id?: number | null): Promise<Territory> {
  const region = await (id == null ? scopeRegion(user, opts) : scopeRegionById(user, id, opts));
  return {
    level: "region",
    scope: { level: "region", region },
    ref: regionFigures(region),
    id: region.id,
    name: await regionName(region.id),
    regionId: region.id,
    municipalityId: null,
    organisationId: null,
  };
}

/**
 * The territory a URL asks for, checked by lib/auth/scoped (NotFoundError outside the viewer's reach).
 * Nothing asked: the viewer's own — the organisation, the municipality or the region.
 */
export async function resolveTerritory(user: SessionUser, req: TerritoryRequest): Promise<Territory> {
  if (req.country) return countryTerritory(user);
  const t = await asked(user, req);
  // The region was changed in the federal picker while a municipality of another one stayed selected.
  if (req.regionId && t.regionId !== req.regionId) return regionTerritory(user, req.regionId);
  return t;
}

async function asked(user: SessionUser, req: TerritoryRequest): Promise<Territory> {
  if (req.organisationId) {
    const org = await organisationTerritory(user, req.organisationId);
    // The municipality was changed in the picker while an organisation of another one stayed selected.
    if (req.municipalityId && req.municipalityId !== org.municipalityId)
      return municipalityTerritory(user, req.municipalityId);
    return org;
  }
  if (req.municipalityId) return municipalityTerritory(user, req.municipalityId);
  if (req.regionId) return regionTerritory(user, req.regionId);
  if (req.region && RULES.viewRegion[user.role] !== "country") return regionTerritory(user);
  if (RULES.viewMunicipality[user.role] === "none") return organisationTerritory(user, user.organisationId);
  if (RULES.viewRegion[user.role] === "none") return municipalityTerritory(user, user.municipalityId);
  if (RULES.viewRegion[user.role] === "country") return countryTerritory(user);
  return regionTerritory(user);
}

export interface PickerChoices {
  /** Whether the viewer may choose the whole region (ministry, admin, the federal level). */
  region: boolean;
  /** The regions to choose from (the federal level only; empty for everyone else). */
  regions: { id: number; name: string }[];
  /** Municipalities of the territory's region (none at the country level). */
  municipalities: { id: number; name: string }[];
  /** Organisations of the territory's municipality. */
  organisations: { id: number; name: string }[];
}

/** What the territory picker offers the viewer around a checked territory. */
export async function pickerChoices(user: SessionUser, t: Territory): Promise<PickerChoices> {
  if (RULES.viewMunicipality[user.role] === "none")
    return { region: false, regions: [], municipalities: [], organisations: [] };
  const wide = RULES.viewRegion[user.role] !== "none";
  const country = RULES.viewRegion[user.role] === "country";
  const municipalityId = t.municipalityId;
  const [list, munis, orgs] = await Promise.all([
    country
      ? cachedFigures(["regions"], [DIRECTORY_TAG], async () =>
          (await getDb())
            .select({ id: regions.id, name: regions.name })
            .from(regions)
            .orderBy(asc(regions.name)),
        )
      : Promise.resolve([]),
    wide && t.level !== "country"
      ? cachedFigures(["municipalities", t.regionId], [figuresTag(t.regionId), DIRECTORY_TAG], async () =>
          (await getDb())
            .select({ id: municipalities.id, name: municipalities.name })
            .from(municipalities)
            .where(and(eq(municipalities.regionId, t.regionId), eq(municipalities.archived, false)))
            .orderBy(asc(municipalities.name)),
        )
      : Promise.resolve([]),
    municipalityId
      ? cachedFigures(
          ["organisations", municipalityId],
          [figuresTag(t.regionId), namesTag(municipalityId)],
          async () =>
            (await getDb())
              .select({ id: organisations.id, name: organisations.shortName })
              .from(organisations)
              .where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.archived, false)))
              .orderBy(asc(organisations.shortName)),
        )
      : Promise.resolve([]),
  ]);
  return { region: wide, regions: list, municipalities: munis, organisations: orgs };
}
