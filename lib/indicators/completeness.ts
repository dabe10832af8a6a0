import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { type Period } from "@/lib/reports/domain";
import { completenessByRegion } from "@/lib/reports/by-region";
import { periodCompletenessByMunicipality } from "@/lib/reports/queries";
import { completenessShare } from "@/lib/reports/status";
import type { Territory } from "./territory";
import { sortBars } from "./view";

export interface CompletenessRow {
  id: number;
  name: string;
  organisations: number;
  done: number;
  /** Share of reports submitted or approved, in percent (unrounded); null without organisations. */
  share: number | null;
}

/** «2026-4» → the period; anything else → the current quarter. */
export function parsePeriod(v: string | null | undefined, current: Period): Period {
  const m = /^(\d{4})-([1-4])$/.exec(v ?? "");
  const y = m ? Number(m[1]) : 0;
  return m && y >= 2000 && y <= 2100 ? { year: y, quarter: Number(m[2]) } : current;
}

/**
 * Report completeness for a period by municipality, within the territory (the region or one municipality); at
 * the country level by region.
 */
export async function completenessByMunicipality(
  user: SessionUser,
  t: Territory,
  period: Period,
): Promise<CompletenessRow[]> {
  if (t.scope.level === "organisation") return [];
  if (t.scope.level === "country")
    return sortBars(
      (await completenessByRegion(t.scope.country, period)).map((r) => ({
        id: r.id,
        name: r.name,
        organisations: r.organisations,
        done: r.submitted + r.approved,
        share: r.share,
        value: r.share,
      })),
    ).map(({ value: _value, ...rest }) => rest);
  const rows = await periodCompletenessByMunicipality(
    user,
    period,
    t.scope.level === "municipality" ? t.scope.municipality : t.scope.region,
  );
  return sortBars(
    rows.map((r) => {
      const share = completenessShare(r.done, r.organisations);
      return {
        id: r.municipalityId,
        name: r.municipality,
        organisations: r.organisations,
        done: r.done,
        share,
        value: share,
      };
    }),
  ).map(({ value: _value, ...rest }) => rest);
}
