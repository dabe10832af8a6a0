import "server-only";
import { cached } from "@/lib/cache";

/*
 * The signed-in indicator, chart and structure pages read their figures through the shared data cache (lib/cache:
 * each instance's memory, dropped by tag on every instance through PostgreSQL). Keys name what a figure depends on
 * (territory, years, indicator); the tags are its versions: lib/derived's `publishChanges` drops them after the
 * write that moves them — an approval or reopening (the aggregates), a target, the directory.
 * Only figures and names are kept: who may see which territory is checked on every request (lib/auth/scoped).
 */

/** The country's figures (the federal level): dropped with any region's. */
export const COUNTRY_FIGURES_TAG = "figures:country";
/** The region's aggregates, targets and list of territories; region 0 is the country (the federal level's). */
export const figuresTag = (regionId: number) =>
  regionId > 0 ? `figures:region:${regionId}` : COUNTRY_FIGURES_TAG;
/** The names and list of organisations of a municipality (an organisation's card may rename it). */
export const namesTag = (municipalityId: number) => `names:municipality:${municipalityId}`;
/**
 * Anything of one organisation: what its draft report computes from its registers (lib/reports/page-data.ts),
 * its name.
 */
export const registersTag = (organisationId: number) => `registers:org:${organisationId}`;
/**
 * The region's survey results (lib/surveys/results.ts): dropped by answers and questionnaires of the region, and by
 * any change to one of its organisations (a programme renamed, archived or of another format moves the groups).
 */
export const surveysTag = (regionId: number) => `surveys:region:${regionId}`;
/**
 * The statuses of an organisation's reports (started, submitted, returned): the region's and municipality's
 * completeness counts read them live, so no data is kept under this tag; dropping it tells the kept pages
 * (lib/http/kept-pages.ts), which show those counts, that they are stale on every instance.
 */
export const reportStatusTag = (organisationId: number) => `reports:org:${organisationId}`;
/**
 * The country's completeness by region (lib/reports/by-region.ts: 54 000 organisations counted, ~0.1 s of
 * PostgreSQL on the national set): dropped by any report's status or approval, and by any change of which
 * organisations a region obliges (lib/derived).
 */
export const COUNTRY_COMPLETENESS_TAG = "reports:country";
/** Names of municipalities and regions (dropped with any region's directory: renames are rare). */
export const DIRECTORY_TAG = "names:directory";

/** A safety net for a change made where no invalidation is wired (a script clears everything anyway). */
export const FIGURES_TTL = 600;

/** Wraps a loader of figures in the data cache under `key`, tagged. The value must be JSON (no Map, no Date). */
export function cachedFigures<T>(
  key: readonly (string | number | boolean | null | undefined)[],
  tags: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  return cached(["figures", ...key.map((k) => (k == null ? "" : String(k)))], tags, FIGURES_TTL, load);
}
