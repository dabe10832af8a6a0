import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { execRows } from "@/db/client";
import { municipalities, organisations, reports } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import type { ScopedMunicipality, ScopedOrg, ScopedRegion } from "@/lib/auth/scoped";
import { organisationScope } from "@/lib/organisations/queries";
import { previousPeriod, type Period } from "./domain";
import { sessionRegionId, userClock } from "@/lib/territory/clock";
import { regionPeriod } from "./periods";
import { displayStatus, DONE_STATUSES, type DisplayStatus, type ReportStatus } from "./status";

export interface PeriodStatusRow {
  organisationId: number;
  shortName: string;
  municipalityId: number;
  municipality: string;
  status: DisplayStatus;
  updatedAt: Date | null;
}

/** The organisations that must report (obliged, not archived) among those the user may see. */
function reportingInScope(user: SessionUser) {
  return and(organisationScope(user), eq(organisations.archived, false), eq(organisations.obliged, true));
}

/** Joins an organisation to its report for the period (if any). */
function reportOfPeriod(period: Period) {
  return and(
    eq(reports.organisationId, organisations.id),
    eq(reports.year, period.year),
    eq(reports.quarter, period.quarter),
  );
}

/**
 * Every organisation the user may see with the status of its report for the period; the deadline and whether
 * the period is open are those of the user's region (every organisation the user sees lies in it).
 */
export async function periodStatuses(
  user: SessionUser,
  period: Period,
): Promise<{ deadline: string; open: boolean; rows: PeriodStatusRow[] }> {
  const db = await getDb();
  const { deadline, open } = await regionPeriod(db, await sessionRegionId(user), period);
  const today = (await userClock(user)).today();
  // Raw rows: drizzle maps a joined select's every field of every row through class checks, which was a tenth
  // of the ministry's «Отчёты» (a region's 750 organisations; ~1 µs a field).
  const rows = await execRows<{
    organisation_id: number;
    short_name: string;
    municipality_id: number;
    municipality: string;
    status: ReportStatus | null;
    updated_at: Date | string | null;
  }>(
    db,
    sql`select ${organisations.id} as organisation_id, ${organisations.shortName} as short_name,
        ${municipalities.id} as municipality_id, ${municipalities.name} as municipality,
        ${reports.status} as status, ${reports.updatedAt} as updated_at
      from ${organisations}
      join ${municipalities} on ${eq(municipalities.id, organisations.municipalityId)}
      left join ${reports} on ${reportOfPeriod(period)}
      where ${reportingInScope(user)}
      order by ${municipalities.name}, ${organisations.shortName}`,
  );
  return {
    deadline,
    open,
    rows: rows.map((r) => ({
      organisationId: Number(r.organisation_id),
      shortName: r.short_name,
      municipalityId: Number(r.municipality_id),
      municipality: r.municipality,
      status: displayStatus(r.status, deadline, today),
      updatedAt: r.updated_at == null ? null : new Date(r.updated_at),
    })),
  };
}

/**
 * Per municipality within the user's scope (or one checked municipality or region: the federal level's scope is
 * the country): obliged organisations and how many of
 * them have the period's report submitted or approved. Counted in the database, so that a region of thousands of
 * organisations stays fast.
 */
export async function periodCompletenessByMunicipality(
  user: SessionUser,
  period: Period,
  within?: ScopedMunicipality | ScopedRegion,
) {
  const db = await getDb();
  return db
    .select({
      municipalityId: municipalities.id,
      municipality: municipalities.name,
      organisations: sql<number>`count(*)::int`,
      done: sql<number>`(count(*) filter (where ${inArray(reports.status, DONE_STATUSES)}))::int`,
    })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .leftJoin(reports, reportOfPeriod(period))
    .where(
      and(
        reportingInScope(user),
        within == null
          ? undefined
          : "regionId" in within
            ? eq(organisations.municipalityId, within.id)
            : eq(municipalities.regionId, within.id),
      ),
    )
    .groupBy(municipalities.id, municipalities.name);
}

/** The previous quarter's report of the organisation, for the comparisons of the validation. */
export async function previousContent(db: DbOrTx, org: ScopedOrg, period: Period) {
  const prev = previousPeriod(period);
  const [row] = await db
    .select()
    .from(reports)
    .where(
      and(eq(reports.organisationId, org.id), eq(reports.year, prev.year), eq(reports.quarter, prev.quarter)),
    );
  return row ? { quarter: row.quarter, form1: row.form1, forms: row.forms, summary: row.summary } : null;
}
