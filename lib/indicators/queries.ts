import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { indicatorFacts, indicatorRollups, municipalities, organisations, targets } from "@/db/schema";
import {
  emptySums,
  indicatorValues,
  type IndicatorCode,
  type IndicatorSums,
  type IndicatorValue,
} from "./definitions";
import type { Ratio } from "./formulas";

export type TerritoryRef = { regionId: number } | { municipalityId: number } | { organisationId: number };

const SUM_KEYS = Object.keys(emptySums()) as (keyof IndicatorSums)[];
const pick = (row: Record<string, unknown>): IndicatorSums =>
  Object.fromEntries(SUM_KEYS.map((k) => [k, Number(row[k] ?? 0)])) as IndicatorSums;

/** Organisations obliged to take part (the denominator of indicator 1 and of the coverage). */
export async function obligedCount(t: TerritoryRef): Promise<number> {
  const db = await getDb();
  const where =
    "organisationId" in t
      ? sql`o.id = ${t.organisationId}`
      : "municipalityId" in t
        ? sql`o.municipality_id = ${t.municipalityId}`
        : sql`m.region_id = ${t.regionId}`;
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
    "organisationId" in t
      ? await db
          .select()
          .from(indicatorFacts)
          .where(
            and(eq(indicatorFacts.organisationId, t.organisationId), inArray(indicatorFacts.year, years)),
          )
      : await db
          .select()
          .from(indicatorRollups)
          .where(
            and(
              eq(indicatorRollups.level, "regionId" in t ? "region" : "municipality"),
              eq(indicatorRollups.territoryId, "regionId" in t ? t.regionId : t.municipalityId),
              inArray(indicatorRollups.year, years),
            ),
          );
  return new Map(rows.map((r) => [r.year, pick(r as unknown as Record<string, unknown>)]));
}

export interface IndicatorTable {
  years: number[];
  values: Map<string, IndicatorValue>;
  plan: Map<string, number>;
}

/** Every indicator × year for a territory, with the plan where the admin set one («code:year» keys). */
export async function indicatorTable(
  t: TerritoryRef,
  regionId: number,
  fromYear: number,
  toYear: number,
): Promise<IndicatorTable> {
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const [sums, total, plan] = await Promise.all([
    territorySums(t, years),
    obligedCount(t),
    planOf(t, regionId, years),
  ]);
  const values = new Map<string, IndicatorValue>();
  for (const year of years)
    for (const v of indicatorValues(sums.get(year) ?? emptySums(), year, total))
      values.set(`${v.code}:${year}`, v);
  return { years, values, plan };
}

/** Plan values: the municipality's own where set, else none; the region's for the region. Organisations have none. */
async function planOf(t: TerritoryRef, regionId: number, years: number[]): Promise<Map<string, number>> {
  if ("organisationId" in t) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ indicator: targets.indicator, year: targets.year, value: targets.value })
    .from(targets)
    .where(
      and(
        eq(targets.regionId, regionId),
        inArray(targets.year, years),
        "municipalityId" in t
          ? eq(targets.municipalityId, t.municipalityId)
          : sql`${targets.municipalityId} is null`,
      ),
    );
  return new Map(rows.map((r) => [`${r.indicator}:${r.year}`, Number(r.value)]));
}

export interface ChildValue {
  id: number;
  name: string;
  value: IndicatorValue;
}

/** One indicator for a year across the municipalities of a region, or the organisations of a municipality. */
export async function childValues(
  parent: { regionId: number } | { municipalityId: number },
  code: IndicatorCode,
  year: number,
): Promise<ChildValue[]> {
  const db = await getDb();
  if ("regionId" in parent) {
    const [munis, rollups, totals] = await Promise.all([
      db
        .select({ id: municipalities.id, name: municipalities.name })
        .from(municipalities)
        .where(and(eq(municipalities.regionId, parent.regionId), eq(municipalities.archived, false)))
        .orderBy(asc(municipalities.name)),
      db
        .select()
        .from(indicatorRollups)
        .where(
          and(
            eq(indicatorRollups.level, "municipality"),
            eq(indicatorRollups.year, year),
            sql`${indicatorRollups.territoryId} in (select id from municipalities where region_id = ${parent.regionId})`,
          ),
        ),
      execRows<{ id: number; n: number }>(
        db,
        sql`select o.municipality_id as id, count(*)::int as n from organisations o join municipalities m on m.id = o.municipality_id
            where o.obliged and not o.archived and m.region_id = ${parent.regionId} group by o.municipality_id`,
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
          eq(organisations.municipalityId, parent.municipalityId),
          eq(organisations.archived, false),
          eq(organisations.obliged, true),
        ),
      )
      .orderBy(asc(organisations.shortName)),
    db
      .select()
      .from(indicatorFacts)
      .where(and(eq(indicatorFacts.municipalityId, parent.municipalityId), eq(indicatorFacts.year, year))),
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

/** Н1 and Н2 per year for a territory (the ministry's home page). */
export async function headlineIndicators(
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
