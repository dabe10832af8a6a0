/** Shapes the pre-aggregated figures into what the pages, charts and files show. Pure, serialisable output. */
import {
  displayCode,
  INDICATOR_BY_CODE,
  INDICATORS,
  indicatorLabel,
  type IndicatorCode,
  type IndicatorValue,
} from "./definitions";
import type { PlanValue } from "./plan";

export interface TableCell {
  year: number;
  fact: number | null;
  plan: number | null;
  planSource: PlanValue["source"] | null;
  /** The fact is below the plan (both known). */
  below: boolean;
  numerator: number;
  denominator: number | null;
  covered: number;
  total: number;
}

export interface TableRow {
  code: IndicatorCode;
  number: string;
  label: string;
  unit: "%" | "ед.";
  cells: TableCell[];
}

export function isBelow(fact: number | null, plan: number | null): boolean {
  return fact != null && plan != null && Number.isFinite(fact) && fact < plan;
}

function finite(v: number | null | undefined): number | null {
  return v != null && Number.isFinite(v) ? v : null;
}

export function cellOf(v: IndicatorValue | undefined, year: number, plan: PlanValue | undefined): TableCell {
  const fact = finite(v?.value);
  const target = finite(plan?.value);
  return {
    year,
    fact,
    plan: target,
    planSource: plan?.source ?? null,
    below: isBelow(fact, target),
    numerator: v?.numerator ?? 0,
    denominator: v?.denominator ?? null,
    covered: v?.covered ?? 0,
    total: v?.total ?? 0,
  };
}

/** Indicators 1–7, Н1, Н2 × the years, fact and plan side by side. */
export function tableRows(
  years: number[],
  values: Map<string, IndicatorValue>,
  plan: Map<string, PlanValue>,
  codes: readonly IndicatorCode[] = INDICATORS.map((d) => d.code),
  level?: "country" | "region" | "municipality" | "organisation",
): TableRow[] {
  return codes.map((code) => {
    const d = INDICATOR_BY_CODE[code];
    return {
      code,
      number: displayCode(code),
      label: indicatorLabel(code, level),
      unit: d.unit,
      cells: years.map((y) => cellOf(values.get(`${code}:${y}`), y, plan.get(`${code}:${y}`))),
    };
  });
}

/** The coverage of a year is the same for every indicator: organisations with an approved report of all obliged. */
export function coverageOf(row: TableRow | undefined): { year: number; covered: number; total: number }[] {
  return (row?.cells ?? []).map((c) => ({ year: c.year, covered: c.covered, total: c.total }));
}

export interface BarItem {
  id: number;
  name: string;
  value: number | null;
  covered: number;
  total: number;
  below: boolean;
  /** Where a click leads (the drill-down), if anywhere. */
  href?: string;
}

const collator = new Intl.Collator("ru", { numeric: true });

/** Descending by value; «нет данных» last; equal values by name. */
export function sortBars<T extends { name: string; value: number | null }>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    const av = finite(a.value);
    const bv = finite(b.value);
    if (av == null || bv == null)
      return av == null && bv == null ? collator.compare(a.name, b.name) : av == null ? 1 : -1;
    return bv - av || collator.compare(a.name, b.name);
  });
}

/** The bars of one indicator and year across the children of a territory, sorted, marked against the target. */
export function barItems(
  children: { id: number; name: string; value: IndicatorValue }[],
  target: number | null,
  href?: (id: number) => string | undefined,
): BarItem[] {
  return sortBars(
    children.map((c) => {
      const value = finite(c.value.value);
      return {
        id: c.id,
        name: c.name,
        value,
        covered: c.value.covered,
        total: c.value.total,
        below: isBelow(value, target),
        href: href?.(c.id),
      };
    }),
  );
}
