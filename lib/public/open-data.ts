import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import { publishedFigures } from "@/lib/indicators/ref";
import { cachedPublic, plansTag, regionTag, REGIONS_TAG } from "./cache";
import { publicIndicators } from "./indicators";
import type { OpenTerritory } from "./types";

const CODE = /^[A-Za-z0-9_-]{1,32}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export interface OpenRegion {
  id: number;
  name: string;
  code: string;
}

/** Every region of the deployment (open data is published for each). */
export async function openRegions(): Promise<OpenRegion[]> {
  return cachedPublic(["regions"], [REGIONS_TAG], async () => {
    const db = await getDb();
    return db
      .select({ id: regions.id, name: regions.name, code: regions.code })
      .from(regions)
      .orderBy(asc(regions.name));
  });
}

async function territoryIds(code: string, municipalitySlug: string | null) {
  if (!CODE.test(code) || (municipalitySlug != null && !SLUG.test(municipalitySlug))) return null;
  const region = (await openRegions()).find((r) => r.code === code);
  if (!region) return null;
  const munis = await cachedPublic(
    ["municipalities", String(region.id)],
    [regionTag(region.id)],
    async () => {
      const db = await getDb();
      return db
        .select({ id: municipalities.id, name: municipalities.name, slug: municipalities.slug })
        .from(municipalities)
        .where(and(eq(municipalities.regionId, region.id), eq(municipalities.archived, false)))
        .orderBy(asc(municipalities.name));
    },
  );
  if (municipalitySlug == null) return { region, municipality: null, munis };
  const municipality = munis.find((m) => m.slug === municipalitySlug);
  return municipality ? { region, municipality, munis } : null;
}

/**
 * The open data of a region (municipalitySlug null) or of one of its municipalities: the indicator table from
 * approved reports. Null when the address names nothing. Cached under the region's tag.
 */
export async function openTerritory(
  code: string,
  municipalitySlug: string | null,
): Promise<OpenTerritory | null> {
  const ids = await territoryIds(code, municipalitySlug);
  if (!ids) return null;
  const { region, municipality, munis } = ids;
  const key = ["open", String(region.id), municipality ? String(municipality.id) : "region"];
  const indicators = await cachedPublic(key, [regionTag(region.id)], () =>
    publicIndicators(
      publishedFigures(
        municipality
          ? {
              level: "municipality",
              id: municipality.id,
              regionId: region.id,
              municipalityId: municipality.id,
            }
          : { level: "region", id: region.id, regionId: region.id, municipalityId: null },
      ),
    ),
  );
  return {
    level: municipality ? "municipality" : "region",
    name: municipality?.name ?? region.name,
    region,
    municipality,
    children: municipality ? [] : munis.map((m) => ({ name: m.name, slug: m.slug })),
    indicators,
  };
}

/**
 * The national open data: the indicator table of the whole country (Σ of every region's approved reports) with
 * the national plan, cached under every region's tags.
 */
export async function openCountry(): Promise<OpenTerritory> {
  const list = await openRegions();
  const tags = [REGIONS_TAG, ...list.flatMap((r) => [regionTag(r.id), plansTag(r.id)])];
  const indicators = await cachedPublic(["open", "country"], tags, () =>
    publicIndicators(publishedFigures({ level: "country", id: 0, regionId: 0, municipalityId: null })),
  );
  return {
    level: "country",
    name: "Российская Федерация",
    region: { id: 0, name: "Российская Федерация", code: "" },
    municipality: null,
    children: [],
    indicators,
  };
}

export interface OpenOrganisation {
  name: string;
  slug: string;
}

const byName = new Intl.Collator("ru", { numeric: true });

/**
 * The live organisations of a municipality, for links from its open data to their public pages. Cached under
 * the region's tag: a new, renamed, moved or archived organisation drops it (lib/public/cache).
 */
export async function openOrganisations(
  regionId: number,
  municipalityId: number,
): Promise<OpenOrganisation[]> {
  return cachedPublic(
    ["open-orgs", String(regionId), String(municipalityId)],
    [regionTag(regionId)],
    async () => {
      const db = await getDb();
      const rows = await db
        .select({ name: organisations.shortName, slug: organisations.slug })
        .from(organisations)
        .where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.archived, false)));
      return rows.sort((a, b) => byName.compare(a.name, b.name));
    },
  );
}
