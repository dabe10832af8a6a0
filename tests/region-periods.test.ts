/**
 * Periods belong to a region: migration 0007 copies today's shared periods to every existing region, and a
 * region created by `npm run admin:create` gets the standard periods.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { execRows, migrationsFolder, openDb, type DbHandle } from "@/db/client";
import { periods, regions } from "@/db/schema";
import { createAdmin } from "@/lib/admin/first-admin";
import { standardPeriods } from "@/lib/admin/periods/standard";
import { DEFAULT_TIME_ZONE, quarterIn } from "@/lib/clock";

/** The migrations up to and including `last` (by tag), in a folder of their own. */
function migrationsUpTo(last: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nastavnik-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
  const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === last);
  journal.entries = journal.entries.slice(0, upTo + 1);
  for (const e of journal.entries)
    fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  return dir;
}

describe("migration 0007: the shared periods become every region's", () => {
  const PG = process.env.TEST_DATABASE_URL;
  let handle: DbHandle;
  let dropDatabase = async () => {};
  let before: string;

  beforeAll(async () => {
    before = migrationsUpTo("0006_region_time_zone");
    if (PG) {
      // A database of its own, created empty: the worker databases are migrated already.
      const url = new URL(PG);
      const name = `${url.pathname.slice(1)}_mig0007_${process.pid}`;
      const admin = postgres(PG, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(`create database "${name}"`);
      await admin.end();
      url.pathname = `/${name}`;
      handle = await openDb({ url: url.toString() });
      dropDatabase = async () => {
        const again = postgres(PG, { max: 1, onnotice: () => {} });
        await again.unsafe(`drop database if exists "${name}" with (force)`);
        await again.end();
      };
    } else handle = await openDb({ dataDir: "memory://" });
  });
  afterAll(async () => {
    await handle?.close();
    await dropDatabase();
    fs.rmSync(before, { recursive: true, force: true });
  });

  const migrate = (folder: string) =>
    handle.kind === "postgres"
      ? migratePg(handle.db, { migrationsFolder: folder })
      : migratePglite(handle.db as never, { migrationsFolder: folder });

  it("copies each period with its deadline and state to each region, and keeps none shared", async () => {
    await migrate(before);
    const db = handle.db;
    await db.execute(
      sql`insert into regions (name, code) values ('Омская область', 'omsk'), ('Томская область', 'tomsk')`,
    );
    await db.execute(sql`insert into periods (year, quarter, deadline, open) values
      (2026, 3, '2026-10-20', true), (2026, 4, '2027-01-10', false), (2025, 4, '2026-01-10', true)`);

    await migrate(migrationsFolder);

    const rows = await execRows<{
      code: string;
      year: number;
      quarter: number;
      deadline: string;
      open: boolean;
    }>(
      db,
      sql`select r.code, p.year, p.quarter, p.deadline::text as deadline, p.open
          from periods p join regions r on r.id = p.region_id order by r.code, p.year, p.quarter`,
    );
    const expected = (code: string) => [
      { code, year: 2025, quarter: 4, deadline: "2026-01-10", open: true },
      { code, year: 2026, quarter: 3, deadline: "2026-10-20", open: true },
      { code, year: 2026, quarter: 4, deadline: "2027-01-10", open: false },
    ];
    expect(rows).toEqual([...expected("omsk"), ...expected("tomsk")]);
    const [{ n }] = await execRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from periods where region_id is null`,
    );
    expect(n).toBe(0);
    // One period per region and quarter; every period belongs to an existing region.
    await expect(
      db.execute(sql`insert into periods (region_id, year, quarter, deadline)
        select id, 2026, 4, '2027-01-15' from regions where code = 'omsk'`),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`insert into periods (region_id, year, quarter, deadline) values (999999, 2026, 1, '2026-04-10')`,
      ),
    ).rejects.toThrow();
  });
});

describe("a region created by admin:create", () => {
  it("gets the standard periods: every quarter from 2021 to its current one, open", async () => {
    const db = await getDb();
    const regionName = `Новая область периодов ${Date.now()}`;
    const r = await createAdmin(
      db,
      { email: `periods-${Date.now()}@test.local`, name: "Первый Администратор", region: regionName },
      "http://x",
    );
    expect(r.regionCreated).toBe(true);
    const [region] = await db.select().from(regions).where(eq(regions.name, regionName));
    const rows = await db
      .select({
        regionId: periods.regionId,
        year: periods.year,
        quarter: periods.quarter,
        deadline: periods.deadline,
        open: periods.open,
      })
      .from(periods)
      .where(eq(periods.regionId, region.id))
      .orderBy(asc(periods.year), asc(periods.quarter));
    expect(rows).toEqual(standardPeriods(region.id, quarterIn(DEFAULT_TIME_ZONE)));
    expect(rows[0]).toMatchObject({ year: 2021, quarter: 1, deadline: "2021-04-10", open: true });
  });
});
