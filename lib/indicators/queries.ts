import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { indicatorFacts, indicatorRollups, municipalities, organisations, regions } from "@/db/schema";
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
/** «sum(learners_any)::int as "learnersAny", …»: the country's sums are those of its regions' rollups. */
const SUMMED = sql.raw(
  SUM_KEYS.map((k) => `sum(${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)})::bigint as "${k}"`).join(
    ", ",
  ),
);

/** The country's sums per year: Σ over the regions' rollups (89 rows a year, not the facts). */
async function countrySums(years: number[]): Promise<Map<number, IndicatorSums>> {
  if (years.length === 0) return new Map();
  const db = await getDb();
  const rows = await execRows<Record<string, unknown> & { year: number }>(
    db,
    sql`select year, ${SUMMED} from indicator_rollups where level = 'region' and year in (${sql.join(
      years.map((y) => sql`${y}`),
      sql`, `,
    )}) group by year`,
  );
  return new Map(rows.map((r) => [Number(r.year), pick(r)]));
}

/** Organisations obliged to take part (the denominator of indicator 1 and of the coverage). */
export async function obligedCount(t: TerritoryRef): Promise<number> {
  const db = await getDb();
  const where =
    t.level === "organisation"
      ? sql`o.id = ${t.id}`
      : t.level === "municipality"
        ? sql`o.municipality_id = ${t.id}`
        : t.level === "region"
          ? sql`m.region_id = ${t.id}`
          : sql`true`;
  const [row] = await execRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from organisations o join municipalities m on m.id = o.municipality_id where o.obliged and not o.archived and ${where}`,
  );
  return Number(row?.n ?? 0);
}

/** The pre-aggregated sums of a territory per year (an organisation reads its own facts). */
export async function territorySums(t: TerritoryRef, years: number[]): Promise<Map<number, IndicatorSums>> {
  if (t.level === "country") return countrySums(years);
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
 * One indicator for a year across the regions of the country, the municipalities of a region, or the
 * organisations of a municipality (an organisation has no children).
 */
export async function childValues(
  parent: TerritoryRef,
  code: IndicatorCode,
  year: number,
): Promise<ChildValue[]> {
  if (parent.level === "organisation") return [];
  const db = await getDb();
  if (parent.level === "country") {
    const [list, rollups, totals] = await Promise.all([
      db.select({ id: regions.id, name: regions.name }).from(regions).orderBy(asc(regions.name)),
      db
        .select()
        .from(indicatorRollups)
        .where(and(eq(indicatorRollups.level, "region"), eq(indicatorRollups.year, year))),
      execRows<{ id: number; n: number }>(
        db,
        sql`select m.region_id as id, count(*)::int as n from organisations o join municipalities m on m.id = o.municipality_id
            where o.obliged and not o.archived group by m.region_id`,
      ),
    ]);
    const byId = new Map(rollups.map((r) => [r.territoryId, pick(r as unknown as Record<string, unknown>)]));
    const totalBy = new Map(totals.map((r) => [Number(r.id), Number(r.n)]));
    return list.map((r) => ({
      id: r.id,
      name: r.name,
      value: indicatorValues(byId.get(r.id) ?? emptySums(), year, totalBy.get(r.id) ?? 0).find(
        (v) => v.code === code,
      )!,
    }));
  }
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

export interface RegionYearSums {
  regionId: number;
  year: number;
  sums: IndicatorSums;
  /** Organisations of the region obliged to take part. */
  total: number;
}

/** Every region's rolled-up sums for the years, with its obliged organisations (the weights of the national plan). */
export async function childSums(years: number[]): Promise<RegionYearSums[]> {
  if (years.length === 0) return [];
  const db = await getDb();
  const [rollups, totals] = await Promise.all([
    db
      .select()
      .from(indicatorRollups)
      .where(and(eq(indicatorRollups.level, "region"), inArray(indicatorRollups.year, years))),
    execRows<{ id: number; n: number }>(
      db,
      sql`select m.region_id as id, count(*)::int as n from organisations o join municipalities m on m.id = o.municipality_id
          where o.obliged and not o.archived group by m.region_id`,
    ),
  ]);
  const totalBy = new Map(totals.map((r) => [Number(r.id), Number(r.n)]));
  const out: RegionYearSums[] = [];
  const seen = new Set<string>();
  for (const r of rollups) {
    seen.add(`${r.territoryId}:${r.year}`);
    out.push({
      regionId: r.territoryId,
      year: r.year,
      sums: pick(r as unknown as Record<string, unknown>),
      total: totalBy.get(r.territoryId) ?? 0,
    });
  }
  // A region without approved reports still weighs in indicator 1 by its obliged organisations.
  for (const [regionId, total] of totalBy)
    for (const year of years)
      if (!seen.has(`${regionId}:${year}`)) out.push({ regionId, year, sums: emptySums(), total });
  return out;
}

/**
 * One indicator for a year across every municipality of the country («Район, Регион»): the federal level's
 * distribution of ~2 340 units, read from the municipalities' rollups and counted in SQL.
 */
export async function countryMunicipalityValues(
  country: TerritoryRef,
  code: IndicatorCode,
  year: number,
): Promise<ChildValue[]> {
  if (country.level !== "country") return [];
  const db = await getDb();
  const [list, rollups, totals] = await Promise.all([
    db
      .select({ id: municipalities.id, name: municipalities.name, region: regions.name })
      .from(municipalities)
      .innerJoin(regions, eq(regions.id, municipalities.regionId))
      .where(eq(municipalities.archived, false)),
    db
      .select()
      .from(indicatorRollups)
      .where(and(eq(indicatorRollups.level, "municipality"), eq(indicatorRollups.year, year))),
    execRows<{ id: number; n: number }>(
      db,
      sql`select o.municipality_id as id, count(*)::int as n from organisations o
          where o.obliged and not o.archived group by o.municipality_id`,
    ),
  ]);
  const byId = new Map(rollups.map((r) => [r.territoryId, pick(r as unknown as Record<string, unknown>)]));
  const totalBy = new Map(totals.map((r) => [Number(r.id), Number(r.n)]));
  return list.map((m) => ({
    id: m.id,
    name: `${m.name}, ${m.region}`,
    value: indicatorValues(byId.get(m.id) ?? emptySums(), year, totalBy.get(m.id) ?? 0).find(
      (v) => v.code === code,
    )!,
  }));
}
