import type { ScopedCountry, ScopedMunicipality, ScopedOrg, ScopedRegion } from "@/lib/auth/scoped";

declare const FIGURES: unique symbol;

export type Level = "country" | "region" | "municipality" | "organisation";

interface Place {
  readonly level: Level;
  readonly id: number;
  /** The region itself, or the municipality's or organisation's; 0 for the country (no region). */
  readonly regionId: number;
  /** The municipality itself, or the organisation's; null for the region. */
  readonly municipalityId: number | null;
}

/**
 * A territory whose indicator figures may be read, and where it sits. Made only from a scope that
 * lib/auth/scoped has checked, or for the public pages (publishedFigures): a bare id does not compile.
 */
export type TerritoryRef = Place & { readonly [FIGURES]: true };

export function orgFigures(org: ScopedOrg): TerritoryRef {
  const place: Place = {
    level: "organisation",
    id: org.id,
    regionId: org.regionId,
    municipalityId: org.municipalityId,
  };
  return place as TerritoryRef;
}

export function municipalityFigures(m: ScopedMunicipality): TerritoryRef {
  const place: Place = { level: "municipality", id: m.id, regionId: m.regionId, municipalityId: m.id };
  return place as TerritoryRef;
}

export function regionFigures(r: ScopedRegion): TerritoryRef {
  const place: Place = { level: "region", id: r.id, regionId: r.id, municipalityId: null };
  return place as TerritoryRef;
}

/** The whole country (the federal level): id and regionId 0, read as the sum of every region's rollups. */
export function countryFigures(_c: ScopedCountry): TerritoryRef {
  const place: Place = { level: "country", id: 0, regionId: 0, municipalityId: null };
  return place as TerritoryRef;
}

/**
 * Only for lib/public, the system's own work and tests: the figures of approved reports are published for every
 * live territory, so the public pages read them without a user.
 */
export function publishedFigures(place: Place): TerritoryRef {
  return place as TerritoryRef;
}
