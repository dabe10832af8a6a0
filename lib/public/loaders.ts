import "server-only";
import { publishedFigures } from "@/lib/indicators/ref";
import { regionClock } from "@/lib/territory/clock";
import { cachedPublic, orgTag, plansTag, slugTag } from "./cache";
import { publicIndicators } from "./indicators";
import { publicDocuments, publicEvents } from "./content-queries";
import { countsByFormat, findPublicOrg, publicProgrammes } from "./org-queries";
import { approvedReports, LATEST_REPORTS } from "./reports";
import type { OrgPublicData, PublicIndicators, PublicOrg, PublicReport } from "./types";

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

class NoSuchOrganisation extends Error {}

/** Where a public address points: the organisation and its region (whose plans its page shows). */
export interface PublicPlace {
  id: number;
  regionId: number;
}

/** The organisation a public address names, or null (unknown, archived or malformed slug). Cached, not the misses. */
export async function organisationBySlug(slug: string): Promise<PublicPlace | null> {
  if (!SLUG.test(slug)) return null;
  try {
    return await cachedPublic(
      ["slug-place", slug],
      [slugTag(slug)],
      async () => {
        const org = await findPublicOrg({ slug });
        if (!org) throw new NoSuchOrganisation();
        return { id: org.id, regionId: org.region.id };
      },
      300,
    );
  } catch (error) {
    if (error instanceof NoSuchOrganisation) return null;
    throw error;
  }
}

/**
 * The organisation's indicators: its approved figures (organisation's tag) against its municipality's or the
 * region's plan (the region's plans tag, dropped when the admin saves targets).
 */
function orgIndicators(org: PublicOrg): Promise<PublicIndicators> {
  return cachedPublic(["org-indicators", String(org.id)], [orgTag(org.id), plansTag(org.region.id)], () =>
    publicIndicators(
      publishedFigures({
        level: "organisation",
        id: org.id,
        regionId: org.region.id,
        municipalityId: org.municipality.id,
      }),
    ),
  );
}

/** Everything the organisation's public page shows, from the cache (tag per organisation; plans per region). */
export async function orgPublicData(organisationId: number): Promise<OrgPublicData | null> {
  // Tagged with the region's too: a municipality's new name or the region's clock shows on the page at once.
  const tags = (v: { org: PublicOrg } | null) =>
    v ? [orgTag(organisationId), plansTag(v.org.region.id)] : [orgTag(organisationId)];
  const content = await cachedPublic(["org", String(organisationId)], tags, async () => {
    const org = await findPublicOrg({ id: organisationId });
    if (!org) return null;
    const year = (await regionClock(org.region.id)).quarter().year;
    const [documents, reports, programmes, events, byFormat] = await Promise.all([
      publicDocuments(org.id),
      approvedReports(org.id, LATEST_REPORTS),
      publicProgrammes(org.id, year),
      publicEvents(org.id),
      countsByFormat(org.id),
    ]);
    return {
      org,
      documents,
      reports: reports.reports,
      reportsTotal: reports.total,
      programmes,
      events: events.events,
      eventsTotal: events.total,
      byFormat,
    };
  });
  return content && { ...content, indicators: await orgIndicators(content.org) };
}

/** All approved reports of an organisation (the archive page), from the cache. */
export async function orgReportArchive(
  organisationId: number,
): Promise<{ org: PublicOrg; reports: PublicReport[] } | null> {
  const tags = (v: { org: PublicOrg } | null) =>
    v ? [orgTag(organisationId), plansTag(v.org.region.id)] : [orgTag(organisationId)];
  return cachedPublic(["org-reports", String(organisationId)], tags, async () => {
    const org = await findPublicOrg({ id: organisationId });
    if (!org) return null;
    return { org, reports: (await approvedReports(org.id)).reports };
  });
}

/** By slug: the page data, or null for an unknown organisation (the page answers 404). */
export async function orgPublicBySlug(slug: string): Promise<OrgPublicData | null> {
  const place = await organisationBySlug(slug);
  return place == null ? null : orgPublicData(place.id);
}

export async function orgReportsBySlug(slug: string) {
  const place = await organisationBySlug(slug);
  return place == null ? null : orgReportArchive(place.id);
}
