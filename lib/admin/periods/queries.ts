import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, periods, reports } from "@/db/schema";
import type { AdminRegion } from "@/lib/auth/scoped";
import { defaultDeadline, type Period } from "@/lib/reports/domain";

/**
 * The region's periods, the newest first, with how many reports of the region's organisations each holds and
 * the stamp the row form carries for its optimistic lock.
 */
export async function listPeriods(region: AdminRegion) {
  const db = await getDb();
  return db
    .select({
      year: periods.year,
      quarter: periods.quarter,
      deadline: periods.deadline,
      open: periods.open,
      updatedAt: periods.updatedAt,
      reports: sql<number>`(select ${count()}::int from ${reports} r
        join ${organisations} o on o.id = r.organisation_id
        join ${municipalities} m on m.id = o.municipality_id
        where m.region_id = "periods"."region_id" and r.year = "periods"."year" and r.quarter = "periods"."quarter")`,
    })
    .from(periods)
    .where(eq(periods.regionId, region.id))
    .orderBy(desc(periods.year), desc(periods.quarter));
}

/** What the «open a period» form suggests: the first quarter after the newest one (or the region's current one). */
export function suggestedPeriod(existing: Period[], current: Period): Period & { deadline: string } {
  const newest = existing[0];
  const next = newest
    ? newest.quarter === 4
      ? { year: newest.year + 1, quarter: 1 }
      : { year: newest.year, quarter: newest.quarter + 1 }
    : current;
  return { ...next, deadline: defaultDeadline(next) };
}
