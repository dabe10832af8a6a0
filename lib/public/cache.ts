import "server-only";
import { eq, sql } from "drizzle-orm";
import { revalidateTag, unstable_cache } from "next/cache";
import { after } from "next/server";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { programmes } from "@/db/schema";

/**
 * The public pages read through the Next.js data cache (unstable_cache): one tag per organisation for its page
 * and embed, one per region for open data, one per region for what shows the region's plans (an organisation's
 * indicators and embed). lib/derived drops them after a write: revalidatePublic(organisationId) for an
 * organisation's content and figures, revalidatePublicRegion(regionId) for targets and names.
 */
export const orgTag = (organisationId: number) => `public:org:${organisationId}`;
export const regionTag = (regionId: number) => `public:region:${regionId}`;
/** Apart from regionTag: an approval moves the region's open data, not every organisation's page. */
export const plansTag = (regionId: number) => `public:plans:${regionId}`;
export const slugTag = (slug: string) => `public:slug:${slug}`;
export const REGIONS_TAG = "public:regions";

/** A safety net for changes made where no revalidation is wired (a person's consent, the directory). */
export const PUBLIC_TTL = 600;

/** Wraps a loader in the data cache under `key`, tagged. */
export function cachedPublic<T>(key: string[], tags: string[], load: () => Promise<T>, ttl = PUBLIC_TTL) {
  return unstable_cache(load, ["public", ...key], { tags, revalidate: ttl })();
}

/** Stale content is never served after a change: the next request renders afresh. */
const NOW = { expire: 0 };

/**
 * A counter bumped by every public revalidation, for in-process copies of cached pages (the embed keeps its
 * rendered HTML in memory): a copy made under an older generation is stale. On globalThis, because Next.js
 * may load this module once per server bundle.
 */
const GENERATION = Symbol.for("nastavnik.public.generation");
type GenerationHolder = { [GENERATION]?: number };
export function publicGeneration(): number {
  return (globalThis as GenerationHolder)[GENERATION] ?? 0;
}

function bumpGeneration() {
  (globalThis as GenerationHolder)[GENERATION] = publicGeneration() + 1;
}

/** A new generation now and again after the response. */
function newGeneration() {
  bumpGeneration();
  // Next.js applies revalidateTag only when the action or route has finished: a page rendered in between reads
  // the old data cache under the new generation. A second bump after the response drops such a copy too.
  try {
    after(bumpGeneration);
  } catch {
    // Outside a request (scripts, tests) the tags are applied at once: nothing to drop later.
  }
}

/** Drops the cached public page of an organisation, its embed and its region's open data. Never throws. */
export async function revalidatePublic(organisationId: number): Promise<void> {
  newGeneration();
  try {
    revalidateTag(orgTag(organisationId), NOW);
    const db = await getDb();
    const [row] = await execRows<{ regionId: number; slug: string }>(
      db,
      sql`select m.region_id as "regionId", o.slug from organisations o join municipalities m on m.id = o.municipality_id where o.id = ${organisationId}`,
    );
    if (!row) return;
    revalidateTag(slugTag(row.slug), NOW);
    revalidateTag(regionTag(Number(row.regionId)), NOW);
  } catch (error) {
    // The write has already happened: a stale public page for up to PUBLIC_TTL is better than a failed action.
    console.error("[public] revalidation failed", error);
  }
}

/**
 * Drops a region's public figures: its open data, the list of regions and every organisation's indicators and
 * embed (they show the region's plans). Never throws.
 */
export function revalidatePublicRegion(regionId: number): void {
  newGeneration();
  try {
    revalidateTag(regionTag(regionId), NOW);
    revalidateTag(plansTag(regionId), NOW);
    revalidateTag(REGIONS_TAG, NOW);
  } catch (error) {
    console.error("[public] region revalidation failed", (error as Error).name);
  }
}

/** For actions that know the programme only. */
export async function revalidatePublicForProgramme(programmeId: number): Promise<void> {
  const db = await getDb().catch(() => null);
  const [row] = db
    ? await db
        .select({ organisationId: programmes.organisationId })
        .from(programmes)
        .where(eq(programmes.id, programmeId))
        .catch(() => [])
    : [];
  if (row) await revalidatePublic(row.organisationId);
}
