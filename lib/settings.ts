import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import { settings } from "@/db/schema";
import { latestToday } from "@/lib/clock";

/**
 * The programme's period (seed 001: 2021–2024): a preset one click away on every indicator view. Read once per
 * request (React's cache): the page, its table and its territory picker all ask.
 */
export const programmeYears = cache(async function programmeYears(): Promise<{ from: number; to: number }> {
  const db = await getDb();
  const [row] = await db.select().from(settings).where(eq(settings.key, "indicatorYears")).limit(1);
  const value = row?.value as { from?: number; to?: number } | undefined;
  return { from: value?.from ?? 2021, to: value?.to ?? 2024 };
});

/** The current calendar year (where it has already begun: the easternmost zone of the country). */
export function currentYear(now: Date = new Date()): number {
  return Number(latestToday(now).slice(0, 4));
}

/**
 * The years every indicator view shows by default: from the programme's first year to the current one, so
 * that this quarter's approvals are in view (the programme's own period stays a preset).
 */
export async function indicatorYears(now: Date = new Date()): Promise<{ from: number; to: number }> {
  const programme = await programmeYears();
  return { from: programme.from, to: Math.max(programme.to, currentYear(now)) };
}
