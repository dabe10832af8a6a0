import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { periods } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { defaultDeadline, type Period } from "./domain";
import { periodRefusal, type ReportAction } from "./workflow";

/** A period as a region has it: the deadline, whether the admin opened it and whether it is open now. */
export interface RegionPeriod {
  deadline: string;
  /** The region has the period (opened once; it may be closed since). */
  opened: boolean;
  /** Reports of the period are accepted: created, saved and submitted. */
  open: boolean;
}

/**
 * The region's period; a quarter the region never opened has the default deadline and accepts no reports.
 * `share` keeps the row as read until the transaction ends: an admin closing the period waits for the save.
 */
export async function regionPeriod(
  db: DbOrTx,
  regionId: number | null,
  period: Period,
  opts: { share?: boolean } = {},
): Promise<RegionPeriod> {
  const query = db
    .select({ deadline: periods.deadline, open: periods.open })
    .from(periods)
    .where(
      and(
        eq(periods.regionId, regionId ?? -1),
        eq(periods.year, period.year),
        eq(periods.quarter, period.quarter),
      ),
    );
  const [row] = opts.share ? await query.for("share") : await query;
  return row
    ? { deadline: row.deadline, opened: true, open: row.open }
    : { deadline: defaultDeadline(period), opened: false, open: false };
}

/** The deadline of the period in the region (the default one where the region has no such period). */
export async function deadlineOf(regionId: number | null, period: Period): Promise<string> {
  return (await regionPeriod(await getDb(), regionId, period)).deadline;
}

/**
 * Refuses the curator's drafting (create, save, submit) of a report whose period is not open in the
 * organisation's region, reading the period under a share lock. Review and reopening pass (workflow.ts).
 */
export async function assertPeriodOpen(
  tx: DbOrTx,
  regionId: number,
  period: Period,
  action: ReportAction,
): Promise<void> {
  const state = await regionPeriod(tx, regionId, period, { share: true });
  const refusal = periodRefusal(action, period, state);
  if (refusal) throw new DomainError(refusal);
}
