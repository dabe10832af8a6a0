import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { indicatorYears } from "@/lib/settings";
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

/** The indicator table of a checked territory: read from the pre-aggregated facts, with the plan that applies. */
export async function tableFor(territory: Territory, get: Get, codes?: IndicatorCode[]): Promise<TableData> {
  const { from, to } = yearSpan(get, await indicatorYears());
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const [table, plan] = await Promise.all([
    indicatorTable(territory.ref, from, to),
    effectivePlan(territory.ref, years, codes),
  ]);
  return { territory, from, to, years, rows: tableRows(years, table.values, plan, codes, territory.level) };
}

/** The indicator table of the territory a URL asks for, within the viewer's scope (NotFoundError outside it). */
export async function loadTable(user: SessionUser, get: Get, codes?: IndicatorCode[]): Promise<TableData> {
  return tableFor(await resolveTerritory(user, territoryRequest(get)), get, codes);
}
