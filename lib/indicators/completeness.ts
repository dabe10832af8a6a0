import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { type Period, quarterOf } from "@/lib/reports/domain";
import { periodStatuses } from "@/lib/reports/queries";
import { completeness, type DisplayStatus } from "@/lib/reports/status";
import type { Territory } from "./territory";
import { sortBars } from "./view";

export interface CompletenessRow {
  id: number;
  name: string;
  organisations: number;
  done: number;
  /** Share of reports submitted or approved, whole percent; null without organisations. */
  share: number | null;
}

/** «2026-4» → the period; anything else → the current quarter. */
export function parsePeriod(v: string | null | undefined, now = new Date()): Period {
  const m = /^(\d{4})-([1-4])$/.exec(v ?? "");
  const y = m ? Number(m[1]) : 0;
  return m && y >= 2000 && y <= 2100 ? { year: y, quarter: Number(m[2]) } : quarterOf(now);
}

/** Report completeness for a period by municipality, within the territory (the region or one municipality). */
export async function completenessByMunicipality(
  user: SessionUser,
  t: Territory,
  period: Period,
): Promise<CompletenessRow[]> {
  if (t.level === "organisation") return [];
  const { rows } = await periodStatuses(user, period);
  const by = new Map<number, { name: string; statuses: DisplayStatus[] }>();
  for (const r of rows) {
    if (t.level === "municipality" && r.municipalityId !== t.id) continue;
    const entry = by.get(r.municipalityId) ?? { name: r.municipality, statuses: [] };
    entry.statuses.push(r.status);
    by.set(r.municipalityId, entry);
  }
  return sortBars(
    [...by.entries()].map(([id, e]) => ({
      id,
      name: e.name,
      organisations: e.statuses.length,
      done: e.statuses.filter((s) => s === "submitted" || s === "approved").length,
      share: completeness(e.statuses),
      value: completeness(e.statuses),
    })),
  ).map(({ value: _value, ...rest }) => rest);
}
