import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { municipalities, organisations } from "@/db/schema";
import { invalidateTags } from "@/lib/cache";
import {
  COUNTRY_COMPLETENESS_TAG,
  COUNTRY_FIGURES_TAG,
  DIRECTORY_TAG,
  figuresTag,
  namesTag,
  registersTag,
  reportStatusTag,
  surveysTag,
} from "@/lib/indicators/cache";
import { refreshOrganisationAllYears, refreshOrganisationYear } from "@/lib/indicators/facts";
import { revalidatePublic, revalidatePublicRegion } from "@/lib/public/cache";

/**
 * What a write touched, as the write says it. After the write, one step keeps everything derived from it
 * current — indicator facts and rollups inside the same transaction, public pages' caches after the commit —
 * so no call site has to remember a refresh.
 */
export class Changes {
  /** Organisations whose public page (registers, documents, events, card) changed. */
  readonly organisations = new Set<number>();
  /** Organisation → years whose approved figures changed (approval, reopening). */
  readonly figures = new Map<number, Set<number>>();
  /** Organisations whose municipality or «обязана участвовать» changed: every year's figures move. */
  readonly relocated = new Set<number>();
  /** Regions whose region-wide public data changed (targets, the directory's names). */
  readonly regions = new Set<number>();
  /** Regions whose survey answers or questionnaires changed. */
  readonly surveys = new Set<number>();
  /** Organisations a report of which was started, submitted or returned (the completeness counts). */
  readonly statuses = new Set<number>();

  /** The organisation's public content changed. */
  organisation(id: number): this {
    this.organisations.add(id);
    return this;
  }

  /** A report of the organisation for `year` was approved or reopened. */
  reportFigures(organisationId: number, year: number): this {
    this.organisations.add(organisationId);
    let years = this.figures.get(organisationId);
    if (!years) this.figures.set(organisationId, (years = new Set()));
    years.add(year);
    return this;
  }

  /** A report of the organisation was started, submitted or returned: its status, not its approved figures. */
  reportStatus(organisationId: number): this {
    this.statuses.add(organisationId);
    return this;
  }

  /** The organisation moved to another municipality, or was obliged or released. */
  organisationRelocated(id: number): this {
    this.organisations.add(id);
    this.relocated.add(id);
    return this;
  }

  /** Survey answers or a questionnaire of the region changed (its results). */
  surveyResults(regionId: number): this {
    this.surveys.add(regionId);
    return this;
  }

  /** The region's targets, territory names or list of organisations changed. */
  region(id: number): this {
    this.regions.add(id);
    return this;
  }
}

/** Inside the write's transaction: indicator facts and rollups of what it touched. */
async function refreshFigures(tx: Tx, changes: Changes): Promise<void> {
  for (const id of [...changes.relocated].sort((a, b) => a - b)) await refreshOrganisationAllYears(tx, id);
  for (const [id, years] of [...changes.figures].sort(([a], [b]) => a - b)) {
    if (changes.relocated.has(id)) continue;
    for (const year of [...years].sort()) await refreshOrganisationYear(tx, id, year);
  }
}

/**
 * The signed-in pages' cached figures and names (lib/indicators/cache.ts) a write makes stale: an organisation's
 * registers and its municipality's names on any change to it; its region's figures when its approved figures
 * moved or it moved; a region's figures when its targets or directory changed.
 */
async function figureTags(changes: Changes): Promise<string[]> {
  const tags = await regionAndOrgTags(changes);
  // The country's figures sum every region's.
  if (tags.some((tag) => tag !== COUNTRY_FIGURES_TAG && tag.startsWith("figures:")))
    tags.push(COUNTRY_FIGURES_TAG);
  return tags;
}

async function regionAndOrgTags(changes: Changes): Promise<string[]> {
  const tags = new Set<string>();
  for (const id of changes.regions) tags.add(figuresTag(id)).add(DIRECTORY_TAG).add(surveysTag(id));
  for (const id of changes.surveys) tags.add(surveysTag(id));
  for (const id of changes.statuses) tags.add(reportStatusTag(id));
  // The country's completeness counts every region's reports and obliged organisations.
  if (changes.statuses.size || changes.figures.size || changes.relocated.size || changes.regions.size)
    tags.add(COUNTRY_COMPLETENESS_TAG);
  const ids = [...changes.organisations];
  if (ids.length === 0) return [...tags];
  for (const id of ids) tags.add(registersTag(id));
  try {
    const db = await getDb();
    const rows = await db
      .select({
        id: organisations.id,
        municipalityId: organisations.municipalityId,
        regionId: municipalities.regionId,
      })
      .from(organisations)
      .innerJoin(municipalities, sql`${municipalities.id} = ${organisations.municipalityId}`)
      .where(inArray(organisations.id, ids));
    for (const r of rows) {
      tags.add(namesTag(r.municipalityId)).add(surveysTag(r.regionId));
      if (changes.figures.has(r.id) || changes.relocated.has(r.id)) tags.add(figuresTag(r.regionId));
    }
  } catch (error) {
    // The write has already happened: what cannot be named precisely goes whole.
    console.error("[derived] figures' tags failed", (error as Error).name);
    return ["*"];
  }
  return [...tags];
}

/** After the commit: the caches of what it touched, on this instance and (through lib/cache) every other. */
export async function publishChanges(changes: Changes): Promise<void> {
  await invalidateTags(await figureTags(changes));
  for (const id of changes.organisations) await revalidatePublic(id);
  for (const id of changes.regions) await revalidatePublicRegion(id);
}

/**
 * The one way to write: runs `fn` in a transaction with a `Changes` it fills in, refreshes the figures in the
 * same transaction and the public caches after the commit. A failed write refreshes nothing.
 */
export async function writeTransaction<T>(fn: (tx: Tx, changes: Changes) => Promise<T>): Promise<T> {
  const db = await getDb();
  const changes = new Changes();
  const result = await db.transaction(async (tx) => {
    const value = await fn(tx, changes);
    await refreshFigures(tx, changes);
    return value;
  });
  await publishChanges(changes);
  return result;
}
