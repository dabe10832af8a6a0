import "server-only";
import { regionClock } from "@/lib/territory/clock";
import { cachedPublic, orgTag, slugTag } from "./cache";
import { publicIndicators } from "./indicators";
import { publicDocuments, publicEvents } from "./content-queries";
import { countsByFormat, findPublicOrg, publicProgrammes } from "./org-queries";
import { approvedReports, LATEST_REPORTS } from "./reports";
import type { OrgPublicData, PublicOrg, PublicReport } from "./types";

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

class NoSuchOrganisation extends Error {}

/** The organisation a public address names, or null (unknown, archived or malformed slug). Cached, not the misses. */
export async function organisationIdBySlug(slug: string): Promise<number | null> {
  if (!SLUG.test(slug)) return null;
  try {
    return await cachedPublic(
      ["slug", slug],
      [slugTag(slug)],
      async () => {
        const org = await findPublicOrg({ slug });
        if (!org) throw new NoSuchOrganisation();
        return org.id;
      },
      300,
    );
  } catch (error) {
    if (error instanceof NoSuchOrganisation) return null;
    throw error;
  }
}

/** Everything the organisation's public page shows, from the cache (tag per organisation). */
export async function orgPublicData(organisationId: number): Promise<OrgPublicData | null> {
  return cachedPublic(["org", String(organisationId)], [orgTag(organisationId)], async () => {
    const org = await findPublicOrg({ id: organisationId });
    if (!org) return null;
    const year = (await regionClock(org.region.id)).quarter().year;
    const [documents, reports, programmes, events, indicators, byFormat] = await Promise.all([
      publicDocuments(org.id),
      approvedReports(org.id, LATEST_REPORTS),
      publicProgrammes(org.id, year),
      publicEvents(org.id),
      publicIndicators({ organisationId: org.id }, org.region.id, org.municipality.id),
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
      indicators,
      byFormat,
    };
  });
}

/** All approved reports of an organisation (the archive page), from the cache. */
export async function orgReportArchive(
  organisationId: number,
): Promise<{ org: PublicOrg; reports: PublicReport[] } | null> {
  return cachedPublic(["org-reports", String(organisationId)], [orgTag(organisationId)], async () => {
    const org = await findPublicOrg({ id: organisationId });
    if (!org) return null;
    return { org, reports: (await approvedReports(org.id)).reports };
  });
}

/** By slug: the page data, or null for an unknown organisation (the page answers 404). */
export async function orgPublicBySlug(slug: string): Promise<OrgPublicData | null> {
  const id = await organisationIdBySlug(slug);
  return id == null ? null : orgPublicData(id);
}

export async function orgReportsBySlug(slug: string) {
  const id = await organisationIdBySlug(slug);
  return id == null ? null : orgReportArchive(id);
}
