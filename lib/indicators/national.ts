/**
 * The federal level's arithmetic (issue 14): the national plan from the regions' plans, and the distribution
 * of many territories (2 340 municipalities, 1 500 organisations) instead of a bar each. Pure.
 */
import { INDICATOR_BY_CODE, type IndicatorCode, type IndicatorSums } from "./definitions";

export interface RegionPlanWeight {
  regionId: number;
  code: IndicatorCode;
  year: number;
  value: number;
}

/**
 * The national plan of each share indicator and year («code:year»): Σ planᵣ × wᵣ / Σ wᵣ over the regions that set
 * one, wᵣ being the region's denominator of the indicator that year (learners, teachers, young teachers, obliged
 * organisations) — the weights by which the facts add up. Where no such region has a denominator yet (a year
 * without reports), the plain mean of their plans. A count (indicator 2) gets no national plan.
 */
export function countryPlanFrom(
  plans: RegionPlanWeight[],
  sums: { regionId: number; year: number; sums: IndicatorSums; total: number }[],
): Map<string, number> {
  const weightOf = new Map(sums.map((s) => [`${s.regionId}:${s.year}`, s]));
  const acc = new Map<string, { weighted: number; weight: number; plain: number; n: number }>();
  for (const p of plans) {
    const d = INDICATOR_BY_CODE[p.code];
    if (!d?.denominator || !Number.isFinite(p.value)) continue;
    const s = weightOf.get(`${p.regionId}:${p.year}`);
    const w = s ? d.denominator(s.sums, s.total) : 0;
    const key = `${p.code}:${p.year}`;
    const a = acc.get(key) ?? { weighted: 0, weight: 0, plain: 0, n: 0 };
    a.weighted += p.value * w;
    a.weight += w;
    a.plain += p.value;
    a.n += 1;
    acc.set(key, a);
  }
  const out = new Map<string, number>();
  for (const [key, a] of acc) out.set(key, a.weight > 0 ? a.weighted / a.weight : a.plain / a.n);
  return out;
}

/** From this many units on, a chart shows their distribution instead of a bar each. */
export const DISTRIBUTION_FROM = 60;
/** How many units the top and the bottom of a distribution list. */
export const DISTRIBUTION_EDGE = 10;
/** The most units a search lists. */
export const SEARCH_LIMIT = 20;

export interface Ranked<T> {
  /** 1 = the highest value; units without data have no rank. */
  rank: number | null;
  item: T;
}

export interface Quartiles {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface Distribution<T> {
  count: number;
  /** Units with a value (the others: «нет данных»). */
  withData: number;
  /** Units below the target. */
  below: number;
  quartiles: Quartiles | null;
  /** The first and the last units with data, each in descending order. */
  top: Ranked<T>[];
  bottom: Ranked<T>[];
  /** The values with data in descending order (the curve of the chart). */
  values: number[];
}

/** The p-quantile of ascending values, linearly interpolated (as PostgreSQL's percentile_cont). */
export function quantile(ascending: number[], p: number): number {
  if (ascending.length === 0) return Number.NaN;
  const at = (ascending.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return ascending[lo] + (ascending[hi] - ascending[lo]) * (at - lo);
}

/** The distribution of units already sorted descending with «нет данных» last (lib/indicators/view sortBars). */
export function distribution<T extends { value: number | null; below: boolean }>(
  sorted: T[],
  edge = DISTRIBUTION_EDGE,
): Distribution<T> {
  const ranked = rankAll(sorted);
  const withValue = ranked.filter((r) => r.rank != null);
  const values = withValue.map((r) => r.item.value as number);
  const ascending = [...values].reverse();
  const quartiles =
    values.length === 0
      ? null
      : {
          min: ascending[0],
          q1: quantile(ascending, 0.25),
          median: quantile(ascending, 0.5),
          q3: quantile(ascending, 0.75),
          max: ascending[ascending.length - 1],
        };
  const top = withValue.slice(0, edge);
  const bottom = withValue.slice(Math.max(top.length, withValue.length - edge));
  return {
    count: sorted.length,
    withData: withValue.length,
    below: sorted.filter((i) => i.below).length,
    quartiles,
    top,
    bottom,
    values,
  };
}

function rankAll<T extends { value: number | null }>(sorted: T[]): Ranked<T>[] {
  return sorted.map((item, i) => ({
    rank: item.value != null && Number.isFinite(item.value) ? i + 1 : null,
    item,
  }));
}

const norm = (s: string) => s.toLocaleLowerCase("ru").replaceAll("ё", "е").replace(/\s+/g, " ").trim();

/** Units whose name contains the query (case and «ё» aside), with their rank; at most `limit`. */
export function searchRanked<T extends { name: string; value: number | null }>(
  sorted: T[],
  query: string,
  limit = SEARCH_LIMIT,
): { total: number; found: Ranked<T>[] } {
  const q = norm(query).slice(0, 100);
  if (!q) return { total: 0, found: [] };
  const hits = rankAll(sorted).filter((r) => norm(r.item.name).includes(q));
  return { total: hits.length, found: hits.slice(0, limit) };
}
