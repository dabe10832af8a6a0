/**
 * `npm run bench`: figures for spec/quality.md on a region-size data set built by the demo generator.
 * Prints medians and p95; asserts nothing (machines are shared and noisy). BENCH_DATABASE_URL runs it on
 * PostgreSQL (an empty database); otherwise an in-memory PGlite. BENCH_SCALE=demo for a quick run.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, getHandle } from "../db";
import { execRows } from "../db/client";
import { mentorships, organisations, reports } from "../db/schema";
import "../lib/boot";
import { seedDemo } from "../lib/demo";
import { rebuildAggregates, refreshOrganisationYear, verifyAggregates } from "../lib/indicators/facts";
import { effectivePlan } from "../lib/indicators/plan";
import { childValues, indicatorTable } from "../lib/indicators/queries";
import { publishedFigures } from "../lib/indicators/ref";
import { systemOrg } from "../lib/auth/scoped";
import { listPersons, personFilterSchema } from "../lib/registry/persons/queries";
import { computeFromRegisters } from "../lib/reports/compute";
import { measure, print, type Figure } from "./stats";

const REGION = { municipalities: 30, organisations: 750, citySchools: 120, learnerScale: 0.45 };
/**
 * The national set of quality.md drawn as one region: ~54 000 organisations in ~2 340 municipalities, registers of
 * ~1.6 million persons (quality.md: ~1 M), 16 quarters of reports. Harder than 89 regions for the municipality-level reads (2 340
 * bars in one region). Needs PostgreSQL (BENCH_DATABASE_URL) and NODE_OPTIONS=--max-old-space-size=16000.
 */
const NATIONAL = { municipalities: 2340, organisations: 54000, citySchools: 1500, learnerScale: 0.05 };
const SCALES = { demo: {}, region: REGION, national: NATIONAL } as const;

async function main() {
  process.env.DEMO_SEED = "no";
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else process.env.DATA_DIR = "memory://";
  const handle = await getHandle();
  const db = await getDb();
  const scale = (process.env.BENCH_SCALE ?? "region") as keyof typeof SCALES;
  if (!(scale in SCALES)) throw new Error(`BENCH_SCALE: demo, region или national, а не ${scale}`);
  const size = SCALES[scale];
  const label = { demo: "демо", region: "регион ~750 организаций", national: "страна ~54 000 организаций" }[
    scale
  ];
  console.log(`База: ${handle.kind}. Строю набор данных (${label})…`);
  const seeded = await seedDemo(db, { size, today: new Date("2026-11-22T12:00:00Z") });
  const [{ persons, orgs }] = await execRows<{ persons: number; orgs: number }>(
    db,
    sql`select (select count(*)::int from persons) as persons, (select count(*)::int from organisations) as orgs`,
  );
  console.log(`Готово за ${(seeded.ms / 1000).toFixed(1)} с: организаций ${orgs}, участников ${persons}.`);

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
  const rebuild = await measure(3, () => db.transaction((tx) => rebuildAggregates(tx)));
  figures.push({ what: "Полная пересборка агрегатов", ...rebuild, runs: 3, goal: "≤ 60 с" });
  const diff = await verifyAggregates(db);
  console.log(`Проверка агрегатов после пересборки: расхождений ${diff.facts + diff.rollups}.`);

  const [{ n: pairs }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentorships)
    .where(eq(mentorships.organisationId, Number(biggest.id)));
  const [{ n: orgCount }] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  print(
    `Наставник — замеры (${handle.kind}, ${orgCount} организаций; крупнейшая: ${biggest.n} участников, ${pairs} пар)`,
    figures,
  );
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
