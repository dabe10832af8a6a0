/**
 * The national set's generator (issue 14, item 7) at a small size: several regions built by the demo generator,
 * region 1 the demo region with its accounts, the others moved to their own ids, names and addresses, each with
 * its municipalities, organisations, reports, plan and figures for the federal level. Runs on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL (where the rows travel by COPY).
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getHandle } from "@/db";
import { execRows } from "@/db/client";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeCountry } from "@/lib/auth/scoped";
import { resetDemo, seedDemo, type SeedSummary } from "@/lib/demo";
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN } from "@/lib/demo/accounts";
import { MAX_REGIONS, nationalPlan } from "@/lib/demo/national-regions";
import { regionTable } from "@/lib/indicators/by-region";
import { countryFigures } from "@/lib/indicators/ref";

vi.mock("next/cache", () => import("./support/mock-cache"));

// PostgreSQL: a database of this file's own, not the worker's copy that other files use. Emptying that copy
// (TRUNCATE … RESTART IDENTITY) once made tests/documents.test.ts fail in CI: its new document's id already had
// another document's audit record.
const workerUrl = process.env.TEST_DATABASE_URL ? process.env.DATABASE_URL : undefined;
const ownUrl = workerUrl
  ? (() => {
      const u = new URL(workerUrl);
      u.pathname = `${u.pathname}_national`;
      return u.toString();
    })()
  : undefined;
if (workerUrl && ownUrl) {
  const admin = postgres(workerUrl, { max: 1, onnotice: () => {} });
  const name = new URL(ownUrl).pathname.slice(1);
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  process.env.DATABASE_URL = ownUrl;
}

const TODAY = new Date("2026-11-22T12:00:00Z");
const REGIONS = 4;
const SIZE = { municipalities: 2, organisations: 8, citySchools: 3, learnerScale: 0.3, staffScale: 0.5 };
/** 2021 to 2026, every quarter. */
const QUARTERS = 24;

async function emptyDatabase() {
  const db = await getDb();
  const tables = await execRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`,
  );
  await db.execute(
    sql.raw(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`),
  );
}

describe("the national set (several regions of the demo generator)", () => {
  let summary: SeedSummary;
  const log: string[] = [];

  beforeAll(async () => {
    // PostgreSQL: this worker's database may hold what an earlier file left.
    await emptyDatabase();
    summary = await seedDemo(await getDb(), {
      today: TODAY,
      size: SIZE,
      regions: REGIONS,
      log: (m) => log.push(m),
    });
  });
  afterAll(async () => {
    await resetDemo(await getDb());
    if (workerUrl && ownUrl) {
      await (await getHandle()).close();
      const admin = postgres(workerUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${new URL(ownUrl).pathname.slice(1)}" with (force)`);
      await admin.end();
    }
  });

  it("plans regions of different sizes that add up to the set's size", () => {
    const plan = nationalPlan(89, { municipalities: 26.3, organisations: 607 }, 2021);
    expect(plan).toHaveLength(89);
    expect(plan.reduce((n, p) => n + p.size.organisations, 0)).toBe(Math.round(607 * 89));
    expect(plan.reduce((n, p) => n + p.size.municipalities, 0)).toBe(Math.round(26.3 * 89));
    const sizes = plan.map((p) => p.size.organisations);
    expect(Math.max(...sizes)).toBeGreaterThan(Math.min(...sizes) * 1.5);
    const names = plan.map((p) => p.region?.name ?? "Демонстрационная область");
    expect(new Set(names).size).toBe(89);
    expect(names.some((n) => /№|Регион/.test(n))).toBe(false);
    expect(new Set(plan.map((p) => p.region?.code ?? "demo")).size).toBe(89);
    expect(() => nationalPlan(MAX_REGIONS + 1, {}, 2021)).toThrow(/Число регионов/);
  });

  it("builds every region with its own name, code and addresses, and logs each one", async () => {
    const rows = await execRows<{ id: number; name: string; code: string; is_demo: boolean }>(
      await getDb(),
      sql`select id, name, code, is_demo from regions order by id`,
    );
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(rows[0]).toMatchObject({ name: "Демонстрационная область", code: "demo" });
    expect(new Set(rows.map((r) => r.name)).size).toBe(REGIONS);
    expect(new Set(rows.map((r) => r.code)).size).toBe(REGIONS);
    expect(rows.every((r) => r.is_demo)).toBe(true);
    expect(summary.counts.regions).toBe(REGIONS);
    expect(log.filter((m) => m.startsWith("регион ")).length).toBe(REGIONS);

    // Every address of another region names that region: its code leads the slugs, its name the postal address.
    const [leaks] = await execRows<{ slugs: number; addresses: number; names: number; workplaces: number }>(
      await getDb(),
      sql`select
            (select count(*)::int from organisations o join municipalities m on m.id = o.municipality_id
               join regions r on r.id = m.region_id
             where r.id > 1 and (o.slug not like r.code || '-%' or m.slug not like r.code || '-%'
               or o.email not like r.code || '-%')) as slugs,
            (select count(*)::int from organisations o join municipalities m on m.id = o.municipality_id
             where m.region_id > 1 and (o.address like '%Демонстрационная%' or o.address like '%Демоград%')) as addresses,
            (select count(*)::int from municipalities where region_id > 1 and name like '%Демоград%') as names,
            (select count(*)::int from persons p join organisations o on o.id = p.organisation_id
               join municipalities m on m.id = o.municipality_id
             where m.region_id > 1 and p.workplace like '%Демоград%') as workplaces`,
    );
    expect(leaks).toEqual({ slugs: 0, addresses: 0, names: 0, workplaces: 0 });
  });

  it("has distinct slugs and e-mails across the regions", async () => {
    const [d] = await execRows<Record<string, number>>(
      await getDb(),
      sql`select
            (select count(*) - count(distinct slug) from municipalities)::int as muni_slugs,
            (select count(*) - count(distinct slug) from organisations)::int as org_slugs,
            (select count(*) - count(distinct email) from organisations)::int as org_emails,
            (select count(*) - count(distinct lower(email)) from users)::int as user_emails`,
    );
    expect(d).toEqual({ muni_slugs: 0, org_slugs: 0, org_emails: 0, user_emails: 0 });
  });

  it("gives each region its municipalities, organisations, registers, reports, periods, plan and questionnaires", async () => {
    const rows = await execRows<Record<string, number>>(
      await getDb(),
      sql`select r.id,
            (select count(*)::int from municipalities m where m.region_id = r.id) as munis,
            (select count(*)::int from organisations o join municipalities m on m.id = o.municipality_id
             where m.region_id = r.id) as orgs,
            (select count(*)::int from persons p join organisations o on o.id = p.organisation_id
               join municipalities m on m.id = o.municipality_id where m.region_id = r.id) as persons,
            (select count(*)::int from reports x join organisations o on o.id = x.organisation_id
               join municipalities m on m.id = o.municipality_id where m.region_id = r.id) as reports,
            (select count(distinct (x.year, x.quarter))::int from reports x join organisations o on o.id = x.organisation_id
               join municipalities m on m.id = o.municipality_id where m.region_id = r.id) as quarters,
            (select count(*)::int from periods p where p.region_id = r.id) as periods,
            (select count(*)::int from targets t where t.region_id = r.id and t.municipality_id is null) as region_targets,
            (select count(*)::int from survey_questionnaires q where q.region_id = r.id) as questionnaires,
            (select count(*)::int from roadmap_items i where i.region_id = r.id and i.municipality_id is null
               and i.organisation_id is null) as roadmap
          from regions r order by r.id`,
    );
    expect(rows).toHaveLength(REGIONS);
    for (const r of rows) {
      expect(r.munis).toBeGreaterThanOrEqual(1);
      expect(r.orgs).toBeGreaterThanOrEqual(3);
      expect(r.persons).toBeGreaterThan(r.orgs);
      expect(r.quarters).toBe(QUARTERS);
      expect(r.reports).toBeGreaterThan(r.orgs * (QUARTERS - 3));
      expect(r.periods).toBe(QUARTERS);
      expect(r.region_targets).toBeGreaterThan(0);
      expect(r.questionnaires).toBeGreaterThan(0);
      expect(r.roadmap).toBeGreaterThan(0);
    }
    const total = rows.reduce((n, r) => n + Number(r.orgs), 0);
    expect(total).toBeGreaterThanOrEqual(REGIONS * SIZE.organisations * 0.8);
    expect(total).toBeLessThanOrEqual(REGIONS * SIZE.organisations * 1.25);
    expect(rows.reduce((n, r) => n + Number(r.munis), 0)).toBe(REGIONS * SIZE.municipalities);
  });

  it("keeps the demo accounts in region 1 and gives every other region a coordinator per municipality and a curator", async () => {
    const db = await getDb();
    const demo = await execRows<{ email: string; region: number | null }>(
      db,
      sql`select u.email, coalesce(u.region_id, m.region_id, m2.region_id) as region from users u
          left join municipalities m on m.id = u.municipality_id
          left join organisations o on o.id = u.organisation_id left join municipalities m2 on m2.id = o.municipality_id
          where u.email like ${"%@" + DEMO_EMAIL_DOMAIN} and u.email not like ${"%.%@" + DEMO_EMAIL_DOMAIN}`,
    );
    expect(demo.map((d) => d.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(demo.every((d) => d.region == null || Number(d.region) === 1)).toBe(true);
    const rows = await execRows<{ id: number; munis: number; coordinators: number; curators: number }>(
      db,
      sql`select r.id,
            (select count(*)::int from municipalities m where m.region_id = r.id) as munis,
            (select count(*)::int from users u join municipalities m on m.id = u.municipality_id
             where m.region_id = r.id and u.role = 'coordinator') as coordinators,
            (select count(*)::int from users u join organisations o on o.id = u.organisation_id
               join municipalities m on m.id = o.municipality_id where m.region_id = r.id and u.role = 'curator') as curators
          from regions r where r.id > 1 order by r.id`,
    );
    for (const r of rows) {
      expect(r.coordinators).toBe(r.munis);
      expect(r.curators).toBe(1);
    }
  });

  it("has the aggregated figures of every region, and the federal table lists each with its own figures and plan", async () => {
    const db = await getDb();
    const rollups = await execRows<{ id: number; years: number; learners: number }>(
      db,
      sql`select r.id, count(x.year)::int as years, coalesce(sum(x.learners), 0)::int as learners from regions r
          left join indicator_rollups x on x.level = 'region' and x.territory_id = r.id group by r.id order by r.id`,
    );
    for (const r of rollups) {
      expect(r.years).toBe(6);
      expect(r.learners).toBeGreaterThan(0);
    }
    const [muniRollups] = await execRows<{ missing: number }>(
      db,
      sql`select count(*)::int as missing from municipalities m where not exists
            (select 1 from indicator_rollups x where x.level = 'municipality' and x.territory_id = m.id)`,
    );
    expect(muniRollups.missing).toBe(0);

    const federal: SessionUser = {
      id: 0,
      email: "federal@nastavnik.demo",
      name: "Федеральный уровень",
      role: "federal",
      organisationId: null,
      municipalityId: null,
      regionId: null,
    };
    const table = await regionTable(countryFigures(scopeCountry(federal)), 2024);
    expect(table.regions).toHaveLength(REGIONS);
    for (const line of table.regions) {
      expect(line.cells.N1.fact).toBeGreaterThan(0);
      expect(line.cells.N1.plan).toBeGreaterThan(0);
    }
    expect(table.total.cells.N1.fact).toBeGreaterThan(0);
  });
});
