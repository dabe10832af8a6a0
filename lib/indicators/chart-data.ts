import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import type { IndicatorCode } from "./definitions";
import { tableFor, type TableData } from "./page-data";
import { type Get, parseYear, queryOf, territoryRequest } from "./params";
import { cachedFigures, figuresTag, namesTag } from "./cache";
import { childValues } from "./queries";
import { resolveTerritory, type Territory } from "./territory";
import { barItems, type BarItem, type TableRow } from "./view";

export interface Bars {
  /** Whose bars: the municipalities of the region or the organisations of a municipality. */
  children: "municipality" | "organisation";
  year: number;
  target: number | null;
  items: BarItem[];
}

export interface IndicatorData extends TableData {
  code: IndicatorCode;
  row: TableRow;
  year: number;
  bars: Bars | null;
}

/** The URL of an indicator page for a territory, keeping the years asked for. */
export function indicatorHref(code: IndicatorCode, get: Get, t: Parameters<typeof queryOf>[0], year: number) {
  return `/indicators/${code}${queryOf(t, { year, from: get("from"), to: get("to") })}`;
}

/**
 * One indicator for a checked territory: its years (fact and plan) and, for a chosen year, its children
 * as bars sorted descending with the target that applies (a click drills down one level).
 */
export async function indicatorFor(
  territory: Territory,
  get: Get,
  code: IndicatorCode,
): Promise<IndicatorData> {
  const table = await tableFor(territory, get, [code]);
  const row = table.rows[0];
  const latestWithData = [...row.cells].reverse().find((c) => c.covered > 0)?.year;
  const asked = parseYear(get("year"));
  const year = asked != null && table.years.includes(asked) ? asked : (latestWithData ?? table.to);
  const t = table.territory;
  let bars: Bars | null = null;
  if (t.level !== "organisation") {
    const ref = t.ref;
    // Children's names: municipalities (the region's directory) or the municipality's organisations.
    const tags = [figuresTag(ref.regionId), ...(ref.level === "municipality" ? [namesTag(ref.id)] : [])];
    const children = await cachedFigures(["children", ref.level, ref.id, code, year], tags, () =>
      childValues(ref, code, year),
    );
    // The plan that applies to the territory is the line the children are measured against.
    const target = row.cells.find((c) => c.year === year)?.plan ?? null;
    const childLevel = t.level === "region" ? "municipality" : "organisation";
    const href = (id: number) =>
      indicatorHref(
        code,
        get,
        childLevel === "municipality" ? { municipalityId: id } : { organisationId: id },
        year,
      );
    bars = { children: childLevel, year, target, items: barItems(children, target, href) };
  }
  return { ...table, code, row, year, bars };
}

/** One indicator for the territory a URL asks for, within the viewer's scope (NotFoundError outside it). */
export async function loadIndicator(
  user: SessionUser,
  get: Get,
  code: IndicatorCode,
): Promise<IndicatorData> {
  return indicatorFor(await resolveTerritory(user, territoryRequest(get)), get, code);
}
