import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, regions, reports } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { RULES, rolesWith } from "@/lib/auth/rules";
import {
  scopeMunicipality,
  scopeRegion,
  scopeRegionById,
  type ScopedMunicipality,
  type ScopedRegion,
} from "@/lib/auth/scoped";
import { ForbiddenError } from "@/lib/errors";
import type { Period } from "../domain";
import { sortReports } from "./assemble";
import type { IncludedStatus, SourceReport } from "./types";

export interface ConsolidatedQuery {
  period: Period;
  includeSubmitted: boolean;
}

/** The territory consolidated, checked: one municipality, or the whole region. */
export type ConsolidatedArea = { municipality: ScopedMunicipality } | { region: ScopedRegion };

export interface ConsolidatedScope {
  area: ConsolidatedArea;
  /** The territory named in the titles: the municipality or the region. */
  territory: string;
  municipalityId: number | null;
  /** Municipalities to choose from (ministry and admin); empty for a coordinator. */
  choices: { id: number; name: string }[];
}

const collator = new Intl.Collator("ru", { numeric: true });
export const CONSOLIDATED_ROLES = rolesWith("viewMunicipality");

/**
 * What the user may consolidate: a coordinator the own municipality, the ministry and the admin the region or one
 * of its municipalities (`municipalityId`). Anything else is «not found».
 */
export async function consolidatedScope(
  user: SessionUser,
  municipalityId: number | null,
): Promise<ConsolidatedScope> {
  if (!CONSOLIDATED_ROLES.includes(user.role))
    throw new ForbiddenError("Сводные формы доступны координатору и министерству.");
  const db = await getDb();
  // A municipality's reach (the coordinator): the own municipality only, and nothing to choose from.
  if (RULES.viewRegion[user.role] === "none") {
    const municipality = await scopeMunicipality(user, municipalityId ?? user.municipalityId);
    const [own] = await db
      .select({ name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.id, municipality.id));
    return { area: { municipality }, territory: own.name, municipalityId: municipality.id, choices: [] };
  }
  // The federal level consolidates a municipality of any region (named by `municipalityId`), never the country.
  const region =
    RULES.viewRegion[user.role] === "country"
      ? await scopeRegionById(user, (await scopeMunicipality(user, municipalityId)).regionId)
      : await scopeRegion(user);
  const [[named], found] = await Promise.all([
    db.select({ name: regions.name }).from(regions).where(eq(regions.id, region.id)),
    db
      .select({ id: municipalities.id, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.regionId, region.id)),
  ]);
  const choices = found.sort((a, b) => collator.compare(a.name, b.name));
  if (municipalityId == null)
    return { area: { region }, territory: named.name, municipalityId: null, choices };
  const municipality = await scopeMunicipality(user, municipalityId);
  const chosen = choices.find((m) => m.id === municipality.id)!;
  return { area: { municipality }, territory: chosen.name, municipalityId: municipality.id, choices };
}

/** The reports of a checked territory for the period in one query: approved, and submitted when asked. */
export async function loadReports(area: ConsolidatedArea, q: ConsolidatedQuery): Promise<SourceReport[]> {
  const db = await getDb();
  const statuses: IncludedStatus[] = q.includeSubmitted ? ["approved", "submitted"] : ["approved"];
  const filters: SQL[] = [
    "municipality" in area
      ? eq(organisations.municipalityId, area.municipality.id)
      : eq(municipalities.regionId, area.region.id),
    eq(reports.year, q.period.year),
    eq(reports.quarter, q.period.quarter),
    inArray(reports.status, statuses),
  ];
  const rows = await db
    .select({
      municipalityId: municipalities.id,
      municipality: municipalities.name,
      organisationId: organisations.id,
      organisation: organisations.shortName,
      status: reports.status,
      form1: reports.form1,
      forms: reports.forms,
    })
    .from(reports)
    .innerJoin(organisations, eq(organisations.id, reports.organisationId))
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(and(...filters));
  return sortReports(rows.map((r) => ({ ...r, status: r.status as IncludedStatus })));
}

/** The reports of a scope resolved by consolidatedScope. */
export async function loadConsolidated(scope: ConsolidatedScope, q: ConsolidatedQuery) {
  return { scope, reports: await loadReports(scope.area, q) };
}
