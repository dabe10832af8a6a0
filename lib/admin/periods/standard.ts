/** The periods a region starts with (`npm run admin:create`, the demo generator). Pure. */
import { defaultDeadline, type Period } from "@/lib/reports/domain";

/** The first year the report lists show and the standard periods begin with. */
export const FIRST_REPORTING_YEAR = 2021;

/**
 * Every quarter from the first reporting year through the region's current one, open, with the default
 * deadline (the 10th day after the quarter ends): what curators could report on before periods were per
 * region, and what the demo region has. The admin closes, re-dates and opens further quarters.
 */
export function standardPeriods(
  regionId: number,
  current: Period,
  first = FIRST_REPORTING_YEAR,
): { regionId: number; year: number; quarter: number; deadline: string; open: boolean }[] {
  const out = [];
  for (let year = first; year <= current.year; year++)
    for (let quarter = 1; quarter <= (year === current.year ? current.quarter : 4); quarter++)
      out.push({ regionId, year, quarter, deadline: defaultDeadline({ year, quarter }), open: true });
  return out;
}
