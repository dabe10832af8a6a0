/**
 * What the busiest pages' queries read, on data where PostgreSQL's cheapest-looking plan reads far more than the
 * page shows (EXPLAIN ANALYZE, so the test holds whichever plan the planner picks).
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getHandle } from "@/db";
import { execRows, openDb } from "@/db/client";
import { scopeOrg } from "@/lib/auth/scoped";
import { personFilterSchema, personRows } from "@/lib/registry/persons/queries";
import { countedPeople } from "@/lib/reports/compute";
import { createTenant, type Tenant } from "./support/factories";
import { rowsRead } from "./support/plan";

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("plans");
});

describe("the register's list", () => {
  it("reads the questionnaires of the 50 people it shows, not every questionnaire in the database", async () => {
    const db = await getDb();
    // A big school: 600 people, each a mentor and a mentee. An `exists` in the select list was then answered
    // by hashing every mentor's and mentee's questionnaire of the country (region set: 57 ms instead of 3).
    await db.execute(sql`with p as (
        insert into persons (organisation_id, surname, name, category)
        select ${t.orgId}, 'Массов' || g, 'Иван', 'teacher' from generate_series(1, 600) g returning id),
      a as (insert into mentor_profiles (person_id) select id from p)
      insert into mentee_profiles (person_id) select id from p`);
    await db.execute(sql`analyze persons, mentor_profiles, mentee_profiles`);
    const org = await scopeOrg(t.users.curator, t.orgId, "registers");
    const { rows } = personRows(db, org, personFilterSchema.parse({}), "2026-01-01");
    const read = await rowsRead(db, rows);
    expect(read.persons).toBeGreaterThan(0);
    expect(read.mentor_profiles ?? 0).toBeLessThanOrEqual(50);
    expect(read.mentee_profiles ?? 0).toBeLessThanOrEqual(50);
    const page = await rows;
    expect(page).toHaveLength(50);
    expect(page.every((r) => r.isMentor && r.isMentee)).toBe(true);
  });
});

describe("the report's computation", () => {
  it("reads the questionnaires of the school's own people, not every individual route of the country", async () => {
    const db = await getDb();
    // Another school with many individual routes: a join found this school's routes by hashing all of them.
    await db.execute(sql`with p as (
        insert into persons (organisation_id, surname, name, category)
        select ${t.siblingOrgId}, 'Маршрутов' || g, 'Пётр', 'pupil' from generate_series(1, 1500) g returning id)
      insert into mentee_profiles (person_id, has_individual_route) select id, true from p`);
    await db.execute(sql`analyze persons, mentee_profiles`);
    const own = await countedPeople(db, t.orgId);
    const read = await rowsRead(db, countedPeople(db, t.orgId));
    expect(read.mentee_profiles ?? 0).toBeLessThanOrEqual(own.length);
    expect(own.filter((p) => p.hasRoute)).toHaveLength(0);
    const sibling = await countedPeople(db, t.siblingOrgId);
    expect(sibling.filter((p) => p.hasRoute).length).toBeGreaterThanOrEqual(1500);
  });
});

describe("the connections", () => {
  it("compile no query just in time: a big estimate spent longer compiling than running", async () => {
    const handle = await getHandle();
    // PGlite has no JIT; on PostgreSQL the app's connections turn it off (db/client.ts).
    if (handle.kind !== "postgres") return;
    const [row] = await execRows<{ jit: string }>(await getDb(), sql`show jit`);
    expect(row.jit).toBe("off");
  });

  it("prepare their statements, so that PostgreSQL does not parse and plan a page's queries on every view", async () => {
    const handle = await getHandle();
    if (handle.kind !== "postgres") return;
    // This query is itself prepared on its connection before it runs, so it finds itself.
    const rows = await execRows<{ statement: string }>(
      await getDb(),
      sql`select statement /* finds itself */ from pg_prepared_statements where statement like ${"%finds itself%"}`,
    );
    expect(rows.length).toBe(1);
  });

  it("behind a pooler, PG_PREPARE=off and PG_JIT=server send neither prepared statements nor the JIT setting", async () => {
    const handle = await getHandle();
    if (handle.kind !== "postgres" || !process.env.DATABASE_URL) return;
    process.env.PG_PREPARE = "off";
    process.env.PG_JIT = "server";
    const plain = await openDb({ url: process.env.DATABASE_URL });
    try {
      // The setting comes from the server's configuration, not from the connection ("client").
      const [jit] = await execRows<{ source: string }>(
        plain.db,
        sql`select source from pg_settings where name = 'jit'`,
      );
      expect(jit.source).not.toBe("client");
      const mine = await execRows<{ statement: string }>(
        plain.db,
        sql`select statement /* not kept */ from pg_prepared_statements where statement like ${"%not kept%"}`,
      );
      expect(mine).toHaveLength(0);
    } finally {
      delete process.env.PG_PREPARE;
      delete process.env.PG_JIT;
      await plain.close();
    }
  });
});
