import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { cached, cacheVersion, invalidateTags } from "@/lib/cache";

/**
 * The public pages read through the shared data cache (lib/cache: each instance's memory, dropped on every
 * instance through PostgreSQL): one tag per organisation for its page
 * and embed, one per region for open data, one per region for what shows the region's plans (an organisation's
 * indicators and embed). lib/derived drops them after a write: revalidatePublic(organisationId) for an
 * organisation's content and figures, revalidatePublicRegion(regionId) for targets and names.
 */
export const orgTag = (organisationId: number) => `public:org:${organisationId}`;
export const regionTag = (regionId: number) => `public:region:${regionId}`;
/**
 * What every organisation's page shows of its region — plans, territory names, the region's clock — apart from
 * regionTag: an approval moves the region's open data, not every organisation's page.
 */
export const plansTag = (regionId: number) => `public:plans:${regionId}`;
export const slugTag = (slug: string) => `public:slug:${slug}`;
export const REGIONS_TAG = "public:regions";

/** A safety net for changes made where no revalidation is wired. */
export const PUBLIC_TTL = 600;

/** Wraps a loader in the data cache under `key`, tagged. */
export function cachedPublic<T>(
  key: string[],
  tags: readonly string[] | ((value: T) => readonly string[]),
  load: () => Promise<T>,
  ttl = PUBLIC_TTL,
) {
  return cached(["public", ...key], tags, ttl, load);
}

/**
 * Bumped by every invalidation, here or on another instance: in-process copies of cached pages (the embed keeps
 * its rendered HTML in memory) made under an older one are stale.
 */
export function publicGeneration(): number {
  return cacheVersion();
}

/** Drops the cached public page of an organisation, its embed and its region's open data. Never throws. */
export async function revalidatePublic(organisationId: number): Promise<void> {
  const tags = [orgTag(organisationId)];
  try {
    const db = await getDb();
    const [row] = await execRows<{ regionId: number; slug: string }>(
      db,
      sql`select m.region_id as "regionId", o.slug from organisations o join municipalities m on m.id = o.municipality_id where o.id = ${organisationId}`,
    );
    if (row) tags.push(slugTag(row.slug), regionTag(Number(row.regionId)));
  } catch (error) {
    // The write has already happened: drop what is known; the rest expires within PUBLIC_TTL.
    console.error("[public] revalidation failed", (error as Error).name);
  }
  await invalidateTags(tags);
}

/**
 * Drops a region's public figures: its open data, the list of regions and every organisation's indicators and
 * embed (they show the region's plans). Never throws.
 */
export async function revalidatePublicRegion(regionId: number): Promise<void> {
  await invalidateTags([regionTag(regionId), plansTag(regionId), REGIONS_TAG]);
}
