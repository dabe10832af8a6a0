import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, regions, reports } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { organisationScope } from "@/lib/organisations/queries";
import type { Period } from "../domain";
import { sortReports } from "./assemble";
import type { IncludedStatus, SourceReport } from "./types";

export interface ConsolidatedQuery {
  period: Period;
  /** A municipality chosen by the ministry or the admin; a coordinator always gets the own one. */
  municipalityId: number | null;
  includeSubmitted: boolean;
}

export interface ConsolidatedScope {
  /** The territory named in the titles: the municipality or the region. */
  territory: string;
  municipalityId: number | null;
  /** Municipalities to choose from (ministry and admin); empty for a coordinator. */
  choices: { id: number; name: string }[];
}

const collator = new Intl.Collator("ru", { numeric: true });

/** What the user may consolidate: a coordinator the own municipality, the ministry and the admin the region. */
export async function consolidatedScope(
  user: SessionUser,
  municipalityId: number | null,
): Promise<ConsolidatedScope> {
  if (user.role === "curator")
    throw new ForbiddenError("Сводные формы доступны координатору и министерству.");
  const db = await getDb();
  if (user.role === "coordinator") {
    if (municipalityId != null && municipalityId !== user.municipalityId)
      throw new NotFoundError("Муниципалитет не найден или недоступен.");
    const [own] = await db
      .select({ name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.id, user.municipalityId ?? -1));
    if (!own) throw new NotFoundError("Муниципалитет не найден или недоступен.");
    return { territory: own.name, municipalityId: user.municipalityId, choices: [] };
  }
  const [region] = await db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.id, user.regionId ?? -1));
  if (!region) throw new NotFoundError("Регион не найден.");
  const choices = (
    await db
      .select({ id: municipalities.id, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.regionId, user.regionId ?? -1))
  ).sort((a, b) => collator.compare(a.name, b.name));
  if (municipalityId == null) return { territory: region.name, municipalityId: null, choices };
  const chosen = choices.find((m) => m.id === municipalityId);
  if (!chosen) throw new NotFoundError("Муниципалитет не найден или недоступен.");
  return { territory: chosen.name, municipalityId, choices };
}

/** The reports of the user's scope for the period in one query: approved, and submitted when asked. */
export async function loadReports(user: SessionUser, q: ConsolidatedQuery): Promise<SourceReport[]> {
  const db = await getDb();
  const statuses: IncludedStatus[] = q.includeSubmitted ? ["approved", "submitted"] : ["approved"];
  const filters: SQL[] = [
    organisationScope(user),
    eq(reports.year, q.period.year),
    eq(reports.quarter, q.period.quarter),
    inArray(reports.status, statuses),
  ];
  if (q.municipalityId != null) filters.push(eq(organisations.municipalityId, q.municipalityId));
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

/** The scope check first, then the reports. */
export async function loadConsolidated(user: SessionUser, q: ConsolidatedQuery) {
  const scope = await consolidatedScope(user, q.municipalityId);
  const data = await loadReports(user, { ...q, municipalityId: scope.municipalityId });
  return { scope, reports: data };
}
