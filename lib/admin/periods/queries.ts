import "server-only";
import { count, desc, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { periods, reports } from "@/db/schema";
import { defaultDeadline, type Period } from "@/lib/reports/domain";

/** Every period, the newest first, with how many reports it holds. */
export async function listPeriods() {
  const db = await getDb();
  return db
    .select({
      year: periods.year,
      quarter: periods.quarter,
      deadline: periods.deadline,
      open: periods.open,
      reports: sql<number>`(select ${count()}::int from ${reports} r where r.year = "periods"."year" and r.quarter = "periods"."quarter")`,
    })
    .from(periods)
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
