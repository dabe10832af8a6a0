/**
 * `npm run bench`: figures for spec/quality.md on a data set built by the demo generator — the region set by default,
 * BENCH_SCALE=national (89 regions) or demo. Prints medians and p95; asserts nothing (machines are shared and noisy).
 * BENCH_DATABASE_URL runs it on PostgreSQL: an empty database is filled, one holding the set of this scale is
 * reused; otherwise an in-memory PGlite (in-process figures only). Parts (BENCH_PARTS, comma-separated, default
 * all): `figures` — reads, report computation, approval → aggregates, full rebuild, in process; `pages` — every
 * signed-in page through nginx and two server processes (bench/pages.ts; PostgreSQL only); `build` alone builds
 * the set and stops. BENCH_PAGES (a regular expression over «role path») measures only the pages it matches.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, getHandle } from "../db";
import { execRows, type Db } from "../db/client";
import { mentorships, organisations, reports } from "../db/schema";
import "../lib/boot";
import { seedDemo, type DemoSize } from "../lib/demo";
import { resolveSize } from "../lib/demo/size";
import { rebuildAggregates, refreshOrganisationYear, verifyAggregates } from "../lib/indicators/facts";
import { effectivePlan } from "../lib/indicators/plan";
import { childValues, indicatorTable } from "../lib/indicators/queries";
import { publishedFigures } from "../lib/indicators/ref";
import { systemOrg } from "../lib/auth/scoped";
import { listPersons, personFilterSchema } from "../lib/registry/persons/queries";
import { computeFromRegisters } from "../lib/reports/compute";
import { benchPages } from "./pages";
import { measure, print, type Figure } from "./stats";

const REGION: Partial<DemoSize> = {
  municipalities: 30,
  organisations: 750,
  citySchools: 120,
  learnerScale: 0.45,
};
/**
 * The national set of issue 14: 89 regions built by the demo generator region by region (the demo region and 88
 * others with their own names, lib/demo/national-regions.ts), ~26 municipalities and ~600 organisations each —
 * ~2 340 municipalities, ~54 000 organisations, registers of ~1.1 million persons (small registers: learners and
 * teachers scaled down), every quarter from 2021 to the benchmark's day (~1.3 million reports). Needs PostgreSQL
 * (BENCH_DATABASE_URL) and NODE_OPTIONS=--max-old-space-size=16000.
 */
const NATIONAL: Partial<DemoSize> = {
  municipalities: 26.3,
  organisations: 607,
  citySchools: 90,
  learnerScale: 0.02,
  staffScale: 0.3,
};
const NATIONAL_REGIONS = 89;
const SCALES: Record<string, { size: Partial<DemoSize>; regions: number }> = {
  demo: { size: {}, regions: 1 },
  region: { size: REGION, regions: 1 },
  national: { size: NATIONAL, regions: NATIONAL_REGIONS },
};
const TODAY = new Date("2026-11-22T12:00:00Z");

/** Fills an empty database; reuses one that holds the set of this scale; refuses anything else. */
async function ensureSet(db: Db, set: { size: Partial<DemoSize>; regions: number }): Promise<void> {
  const [{ regions, orgs }] = await execRows<{ regions: number; orgs: number }>(
    db,
    sql`select (select count(*)::int from regions) as regions, (select count(*)::int from organisations) as orgs`,
  );
  // The size is the average region's: the set holds about `regions` times its organisations.
  const want = Math.round((set.size.organisations ?? resolveSize(set.size).organisations) * set.regions);
  if (Number(regions) === 0) {
    console.log("Строю набор данных…");
    const seeded = await seedDemo(db, {
      size: set.size,
      regions: set.regions,
      today: TODAY,
      log: (m) => console.log(`  ${m}`),
    });
    console.log(`Набор построен за ${(seeded.ms / 1000).toFixed(1)} с.`);
    if (process.env.BENCH_DATABASE_URL) {
      // As autovacuum leaves a database some time after a bulk load: visibility maps set, so that the pages'
      // index-only scans (the period's reports, say) read no table pages. Not part of the build's time.
      const vacuumed = performance.now();
      await db.execute(sql`vacuum analyze`);
      console.log(`VACUUM ANALYZE: ${((performance.now() - vacuumed) / 1000).toFixed(1)} с.`);
    }
    return;
  }
  // A set of this scale has exactly its regions (the demo's first start adds two lighter ones; the benchmark never).
  const near = Math.abs(Number(orgs) - want) <= 0.1 * want;
  if (Number(regions) !== set.regions || !near)
    throw new Error(
      `База не пуста и не похожа на набор этого масштаба (регионов ${regions}, организаций ${orgs}): укажите пустую базу.`,
    );
  console.log("Набор данных уже построен в этой базе: использую его.");
}

async function main() {
  process.env.DEMO_SEED = "no";
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else process.env.DATA_DIR = "memory://";
  const handle = await getHandle();
  const db = await getDb();
  const scale = (process.env.BENCH_SCALE ?? "region") as keyof typeof SCALES;
  if (!(scale in SCALES)) throw new Error(`BENCH_SCALE: demo, region или national, а не ${scale}`);
  const set = SCALES[scale];
  const label = {
    demo: "демо",
    region: "регион ~750 организаций",
    national: "страна: 89 регионов, ~54 000 организаций",
  }[scale];
  const parts = new Set((process.env.BENCH_PARTS ?? "figures,pages").split(",").map((p) => p.trim()));
  console.log(`База: ${handle.kind}. Набор данных: ${label}.`);
  const started = performance.now();
  await ensureSet(db, set);
  if (parts.has("build"))
    console.log(`Время до готового набора: ${((performance.now() - started) / 1000).toFixed(1)} с.`);
  const [c] = await execRows<Record<string, number | string>>(
    db,
    sql`select (select count(*)::int from regions) as regions, (select count(*)::int from municipalities) as munis,
      (select count(*)::int from organisations) as orgs, (select count(*)::int from persons) as persons,
      (select count(*)::int from mentorships) as pairs, (select count(*)::int from reports) as reports,
      pg_size_pretty(pg_database_size(current_database())) as size`,
  );
  console.log(
    `В базе: регионов ${c.regions}, муниципалитетов ${c.munis}, организаций ${c.orgs}, участников ${c.persons}, пар ${c.pairs}, отчётов ${c.reports}; объём ${c.size}.`,
  );
  if (parts.has("pages")) {
    if (handle.kind !== "postgres" || !process.env.BENCH_DATABASE_URL)
      console.log("\nЗамер страниц через nginx — только на PostgreSQL (BENCH_DATABASE_URL): пропущен.");
    else
      await benchPages({
        url: process.env.BENCH_DATABASE_URL,
        port: Number(process.env.BENCH_PORT) || 3300,
        seconds: Number(process.env.BENCH_SECONDS) || 5,
      });
  }
  if (parts.has("figures")) await figuresPart(db, handle.kind, scale === "national");
  await handle.close();
}

async function figuresPart(db: Db, kind: string, large: boolean) {
  const [region] = await execRows<{ id: number }>(db, sql`select id from regions limit 1`);
  const regionId = Number(region.id);
  const [biggest] = await execRows<{ id: number; municipality_id: number; n: number }>(
    db,
    sql`select o.id, o.municipality_id, count(p.id)::int as n from organisations o join persons p on p.organisation_id = o.id group by o.id order by n desc limit 1`,
  );
  const figures: Figure[] = [];

  const regionRef = publishedFigures({ level: "region", id: regionId, regionId, municipalityId: null });
  const table = await measure(30, () =>
    Promise.all([indicatorTable(regionRef, 2021, 2024), effectivePlan(regionRef, [2021, 2022, 2023, 2024])]),
  );
  // The same three reads as raw SQL: the rollups, the obliged organisations and the plan.
  const raw = await measure(30, () =>
    Promise.all([
      execRows(
        db,
        sql`select * from indicator_rollups where level = 'region' and territory_id = ${regionId} and year between 2021 and 2024`,
      ),
      execRows(
        db,
        sql`select count(*)::int from organisations o join municipalities m on m.id = o.municipality_id where o.obliged and not o.archived and m.region_id = ${regionId}`,
      ),
      execRows(
        db,
        sql`select indicator, year, value from targets where region_id = ${regionId} and municipality_id is null and year between 2021 and 2024`,
      ),
    ]),
  );
  figures.push({
    what: "Таблица показателей региона (данные страницы)",
    ...table,
    runs: 30,
    goal: "≤ 150 мс, ≤ 2× сырого SQL",
    note: `сырой SQL ${raw.median.toFixed(1)} мс, отношение ${(table.median / Math.max(raw.median, 0.01)).toFixed(1)}×`,
  });
  const bars = await measure(30, () => childValues(regionRef, "N1", 2024));
  figures.push({ what: "Столбцы Н1 по муниципалитетам", ...bars, runs: 30, goal: "≤ 150 мс" });
  const drill = await measure(30, () =>
    childValues(
      publishedFigures({
        level: "municipality",
        id: Number(biggest.municipality_id),
        regionId,
        municipalityId: Number(biggest.municipality_id),
      }),
      "N1",
      2024,
    ),
  );
  figures.push({ what: "Столбцы Н1 по организациям муниципалитета", ...drill, runs: 30, goal: "≤ 150 мс" });

  const biggestOrg = await systemOrg(db, Number(biggest.id));
  const compute = await measure(20, () => computeFromRegisters(db, biggestOrg, { year: 2026, quarter: 4 }));
  figures.push({
    what: `Расчёт отчёта из реестра (${biggest.n} участников)`,
    ...compute,
    runs: 20,
    goal: "≤ 100 мс (2 000 участников)",
  });

  const f = personFilterSchema.parse({ q: "ова" });
  const search = await measure(30, () => listPersons(biggestOrg, f));
  figures.push({ what: "Поиск в реестре организации («ова»)", ...search, runs: 30, goal: "p95 ≤ 200 мс" });

  const [approved] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.organisationId, Number(biggest.id)), eq(reports.status, "approved")))
    .orderBy(desc(reports.year), desc(reports.quarter))
    .limit(1);
  const refresh = await measure(20, () =>
    db.transaction((tx) => refreshOrganisationYear(tx, approved.organisationId, approved.year)),
  );
  figures.push({
    what: "Принятие отчёта → пересчёт агрегатов (в транзакции)",
    ...refresh,
    runs: 20,
    goal: "≤ 5 с до графиков",
  });
  const rebuilds = large ? 1 : 3;
  const rebuild = await measure(rebuilds, () => db.transaction((tx) => rebuildAggregates(tx)));
  figures.push({ what: "Полная пересборка агрегатов", ...rebuild, runs: rebuilds, goal: "≤ 60 с" });
  const diff = await verifyAggregates(db);
  console.log(`Проверка агрегатов после пересборки: расхождений ${diff.facts + diff.rollups}.`);

  const [{ n: pairs }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentorships)
    .where(eq(mentorships.organisationId, Number(biggest.id)));
  const [{ n: orgCount }] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  print(
    `Наставник — замеры в процессе (${kind}, ${orgCount} организаций; крупнейшая: ${biggest.n} участников, ${pairs} пар)`,
    figures,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
