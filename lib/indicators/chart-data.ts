import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import type { IndicatorCode } from "./definitions";
import { tableFor, type TableData } from "./page-data";
import { type Get, parseYear, queryOf, territoryRequest } from "./params";
import { cachedFigures, figuresTag, namesTag } from "./cache";
import { DISTRIBUTION_FROM, distribution, searchRanked, type Distribution, type Ranked } from "./national";
import { childValues, countryMunicipalityValues } from "./queries";
import { resolveTerritory, type Territory } from "./territory";
import { barItems, type BarItem, type TableRow } from "./view";

export interface Bars {
  /** Whose bars: the regions of the country, the municipalities of a region or the organisations of a municipality. */
  children: "region" | "municipality" | "organisation";
  year: number;
  target: number | null;
  items: BarItem[];
  /** Every municipality of the country (?all=municipalities at the country level) instead of its regions. */
  countryWide: boolean;
  /** Many units (2 340 municipalities, 1 500 organisations): their distribution instead of a bar each. */
  spread: Distribution<BarItem> | null;
  /** What ?find= found among them, with ranks. */
  search: { query: string; total: number; found: Ranked<BarItem>[] } | null;
}

export interface IndicatorData extends TableData {
  code: IndicatorCode;
  row: TableRow;
  year: number;
  bars: Bars | null;
}

const CHILD = { country: "region", region: "municipality", municipality: "organisation" } as const;

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
    const countryWide = t.level === "country" && get("all") === "municipalities";
    const ref = t.ref;
    // Children's names: municipalities (the region's directory) or the municipality's organisations. The country's
    // children span every region: read as they are (the federal level is one account, not the hot path).
    const tags =
      ref.level === "country"
        ? []
        : [figuresTag(ref.regionId), ...(ref.level === "municipality" ? [namesTag(ref.id)] : [])];
    const children = countryWide
      ? await countryMunicipalityValues(t.ref, code, year)
      : ref.level === "country"
        ? await childValues(ref, code, year)
        : await cachedFigures(["children", ref.level, ref.id, code, year], tags, () =>
            childValues(ref, code, year),
          );
    // The plan that applies to the territory is the line the children are measured against.
    const target = row.cells.find((c) => c.year === year)?.plan ?? null;
    const childLevel = countryWide ? "municipality" : CHILD[t.level];
    const href = (id: number) =>
      indicatorHref(
        code,
        get,
        childLevel === "region"
          ? { regionId: id }
          : childLevel === "municipality"
            ? { municipalityId: id }
            : { organisationId: id },
        year,
      );
    const items = barItems(children, target, href);
    const many = items.length > DISTRIBUTION_FROM;
    const query = (get("find") ?? "").slice(0, 100);
    bars = {
      children: childLevel,
      year,
      target,
      items,
      countryWide,
      spread: many ? distribution(items) : null,
      search: many && query.trim() ? { query, ...searchRanked(items, query) } : null,
    };
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
