import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { indicatorFacts, indicatorRollups, municipalities, organisations } from "@/db/schema";
import {
  emptySums,
  indicatorValues,
  type IndicatorCode,
  type IndicatorSums,
  type IndicatorValue,
} from "./definitions";
import { cachedFigures, figuresTag } from "./cache";
import type { Ratio } from "./formulas";
import type { TerritoryRef } from "./ref";

export type { TerritoryRef } from "./ref";

const SUM_KEYS = Object.keys(emptySums()) as (keyof IndicatorSums)[];
const pick = (row: Record<string, unknown>): IndicatorSums =>
  Object.fromEntries(SUM_KEYS.map((k) => [k, Number(row[k] ?? 0)])) as IndicatorSums;

/** Organisations obliged to take part (the denominator of indicator 1 and of the coverage). */
export async function obligedCount(t: TerritoryRef): Promise<number> {
  const db = await getDb();
  const where =
    t.level === "organisation"
      ? sql`o.id = ${t.id}`
      : t.level === "municipality"
        ? sql`o.municipality_id = ${t.id}`
        : sql`m.region_id = ${t.id}`;
  const [row] = await execRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from organisations o join municipalities m on m.id = o.municipality_id where o.obliged and not o.archived and ${where}`,
  );
  return Number(row?.n ?? 0);
}

/** The pre-aggregated sums of a territory per year (an organisation reads its own facts). */
export async function territorySums(t: TerritoryRef, years: number[]): Promise<Map<number, IndicatorSums>> {
  const db = await getDb();
  const rows =
    t.level === "organisation"
      ? await db
          .select()
          .from(indicatorFacts)
          .where(and(eq(indicatorFacts.organisationId, t.id), inArray(indicatorFacts.year, years)))
      : await db
          .select()
          .from(indicatorRollups)
          .where(
            and(
              eq(indicatorRollups.level, t.level),
              eq(indicatorRollups.territoryId, t.id),
              inArray(indicatorRollups.year, years),
            ),
          );
  return new Map(rows.map((r) => [r.year, pick(r as unknown as Record<string, unknown>)]));
}

export interface IndicatorTable {
  years: number[];
  values: Map<string, IndicatorValue>;
}

/** Every indicator × year for a territory («code:year» keys); the plan is lib/indicators/plan's. */
export async function indicatorTable(
  t: TerritoryRef,
  fromYear: number,
  toYear: number,
): Promise<IndicatorTable> {
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const [sums, total] = await Promise.all([territorySums(t, years), obligedCount(t)]);
  const values = new Map<string, IndicatorValue>();
  for (const year of years)
    for (const v of indicatorValues(sums.get(year) ?? emptySums(), year, total))
      values.set(`${v.code}:${year}`, v);
  return { years, values };
}

export interface ChildValue {
  id: number;
  name: string;
  value: IndicatorValue;
}

/**
 * One indicator for a year across the municipalities of a region, or the organisations of a municipality
 * (an organisation has no children).
 */
export async function childValues(
  parent: TerritoryRef,
  code: IndicatorCode,
  year: number,
): Promise<ChildValue[]> {
  if (parent.level === "organisation") return [];
  const db = await getDb();
  if (parent.level === "region") {
    const [munis, rollups, totals] = await Promise.all([
      db
        .select({ id: municipalities.id, name: municipalities.name })
        .from(municipalities)
        .where(and(eq(municipalities.regionId, parent.id), eq(municipalities.archived, false)))
        .orderBy(asc(municipalities.name)),
      db
        .select()
        .from(indicatorRollups)
        .where(
          and(
            eq(indicatorRollups.level, "municipality"),
            eq(indicatorRollups.year, year),
            sql`${indicatorRollups.territoryId} in (select id from municipalities where region_id = ${parent.id})`,
          ),
        ),
      execRows<{ id: number; n: number }>(
        db,
        sql`select o.municipality_id as id, count(*)::int as n from organisations o join municipalities m on m.id = o.municipality_id
            where o.obliged and not o.archived and m.region_id = ${parent.id} group by o.municipality_id`,
      ),
    ]);
    const byId = new Map(rollups.map((r) => [r.territoryId, pick(r as unknown as Record<string, unknown>)]));
    const totalBy = new Map(totals.map((r) => [Number(r.id), Number(r.n)]));
    return munis.map((m) => ({
      id: m.id,
      name: m.name,
      value: indicatorValues(byId.get(m.id) ?? emptySums(), year, totalBy.get(m.id) ?? 0).find(
        (v) => v.code === code,
      )!,
    }));
  }
  const [orgs, facts] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.shortName })
      .from(organisations)
      .where(
        and(
          eq(organisations.municipalityId, parent.id),
          eq(organisations.archived, false),
          eq(organisations.obliged, true),
        ),
      )
      .orderBy(asc(organisations.shortName)),
    db
      .select()
      .from(indicatorFacts)
      .where(and(eq(indicatorFacts.municipalityId, parent.id), eq(indicatorFacts.year, year))),
  ]);
  const byId = new Map(facts.map((f) => [f.organisationId, pick(f as unknown as Record<string, unknown>)]));
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    value: indicatorValues(byId.get(o.id) ?? emptySums(), year, 1).find((v) => v.code === code)!,
  }));
}

export interface HeadlineYear {
  year: number;
  n1: Ratio;
  n2: Ratio;
}

/** Н1 and Н2 per year for a territory (the ministry's home page), kept until the region's figures change. */
export function headlineIndicators(
  territory: TerritoryRef,
  fromYear: number,
  toYear: number,
): Promise<HeadlineYear[]> {
  return cachedFigures(
    ["headline", territory.level, territory.id, fromYear, toYear],
    [figuresTag(territory.regionId)],
    () => readHeadline(territory, fromYear, toYear),
  );
}

async function readHeadline(
  territory: TerritoryRef,
  fromYear: number,
  toYear: number,
): Promise<HeadlineYear[]> {
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const [sums, total] = await Promise.all([territorySums(territory, years), obligedCount(territory)]);
  return years.map((year) => {
    const s = sums.get(year) ?? emptySums();
    return {
      year,
      n1: { numerator: s.learnersAny, denominator: s.learners, covered: s.covered, total },
      n2: { numerator: s.teachersAny, denominator: s.staff, covered: s.covered, total },
    };
  });
}
