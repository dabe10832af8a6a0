import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { indicatorYears } from "@/lib/settings";
import { cachedFigures, figuresTag } from "./cache";
import type { IndicatorCode } from "./definitions";
import { type Get, territoryRequest, yearSpan } from "./params";
import { effectivePlan } from "./plan";
import { indicatorTable } from "./queries";
import { resolveTerritory, type Territory } from "./territory";
import { tableRows, type TableRow } from "./view";

export interface TableData {
  territory: Territory;
  from: number;
  to: number;
  years: number[];
  rows: TableRow[];
}

/**
 * The indicator table of a checked territory: read from the pre-aggregated facts, with the plan that applies;
 * kept in the data cache until an approval, a target or the directory of its region changes (lib/indicators/cache).
 */
export async function tableFor(territory: Territory, get: Get, codes?: IndicatorCode[]): Promise<TableData> {
  const { from, to } = yearSpan(get, await indicatorYears());
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const ref = territory.ref;
  const rows = await cachedFigures(
    ["table", ref.level, ref.id, ref.municipalityId, from, to, codes?.join(",")],
    [figuresTag(ref.regionId)],
    async () => {
      const [table, plan] = await Promise.all([
        indicatorTable(ref, from, to),
        effectivePlan(ref, years, codes),
      ]);
      return tableRows(years, table.values, plan, codes, territory.level);
    },
  );
  return { territory, from, to, years, rows };
}

/** The indicator table of the territory a URL asks for, within the viewer's scope (NotFoundError outside it). */
export async function loadTable(user: SessionUser, get: Get, codes?: IndicatorCode[]): Promise<TableData> {
  return tableFor(await resolveTerritory(user, territoryRequest(get)), get, codes);
}
