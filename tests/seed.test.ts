import { verify } from "@node-rs/argon2";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execRows, migrateDb, openDb, type DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_CITY_NAME, DEMO_CURATOR_SCHOOL } from "@/lib/demo/accounts";
import { ensureDemo, resetDemo, seedDemo, type SeedSummary } from "@/lib/demo";
import { checkFile } from "@/lib/files/validation";
import JSZip from "jszip";

const TODAY = new Date("2026-11-22T12:00:00Z");
const SMALL = { municipalities: 4, organisations: 24, citySchools: 8, learnerScale: 0.3 };

async function fresh(): Promise<DbHandle> {
  const handle = await openDb({ dataDir: "memory://" });
  await migrateDb(handle);
  return handle;
}

/** Н1 of the region from the approved reports of a quarter: Σ learners in any role / Σ learners 10–18. */
async function n1(handle: DbHandle, year: number, quarter: number): Promise<number> {
  const [row] = await execRows<{ num: number; den: number }>(
    handle.db,
    sql`select sum((summary->>'learnersAny')::int)::int as num, sum((form1->>'learners10to18')::int)::int as den
        from reports where status = 'approved' and year = ${year} and quarter = ${quarter}`,
  );
  return (100 * Number(row.num)) / Number(row.den);
}

describe("the demo region (default size)", () => {
  let h: DbHandle;
  let summary: SeedSummary;

  beforeAll(async () => {
    h = await fresh();
    summary = await seedDemo(h.db, { today: TODAY });
  });
  afterAll(async () => h?.close());

  it("has the size of demo-data.md and keeps the registers within bounds", async () => {
    const byRegion = await execRows<{ name: string; munis: number; orgs: number }>(
      h.db,
      sql`select r.name, count(distinct m.id)::int as munis, count(o.id)::int as orgs from regions r
          join municipalities m on m.region_id = r.id join organisations o on o.municipality_id = m.id
          group by r.id, r.name order by r.id`,
    );
    // The demo region, and two lighter ones for the federal level.
    expect(byRegion.map((r) => r.name)).toEqual([
      "Демонстрационная область",
      "Озёрная область",
      "Степной край",
    ]);
    expect(byRegion[0].munis).toBe(11);
    expect(byRegion[0].orgs).toBeGreaterThanOrEqual(140);
    expect(byRegion[0].orgs).toBeLessThanOrEqual(160);
    for (const light of byRegion.slice(1)) {
      expect(light.munis).toBe(3);
      expect(light.orgs).toBeGreaterThanOrEqual(10);
      expect(light.orgs).toBeLessThanOrEqual(20);
    }
    const persons = await execRows<{ region: number; n: number }>(
      h.db,
      sql`select m.region_id as region, count(*)::int as n from persons p
          join organisations o on o.id = p.organisation_id join municipalities m on m.id = o.municipality_id
          group by m.region_id order by m.region_id`,
    );
    expect(persons[0].n).toBeLessThanOrEqual(60_000);
    // The lighter regions: fewer and smaller schools, so the first start stays fast.
    for (const light of persons.slice(1)) expect(light.n).toBeLessThanOrEqual(6_000);
    expect(summary.counts.mentorships).toBeLessThanOrEqual(80_000);
    expect(summary.counts.periods).toBe(24 * 3);
  });

  it("involves about 70 % of learners in 2024 and less than 35 % in 2021", async () => {
    const y2021 = await n1(h, 2021, 4);
    const y2024 = await n1(h, 2024, 4);
    expect(y2021).toBeLessThan(35);
    expect(y2024).toBeGreaterThanOrEqual(60);
    expect(y2024).toBeLessThanOrEqual(80);
    expect(y2024).toBeGreaterThan(y2021);
  });

  it("holds every status in the current quarter of the big city district, and overdue reports before it", async () => {
    const statuses = await execRows<{ status: string | null; n: number }>(
      h.db,
      sql`select r.status, count(*)::int as n
          from organisations o join municipalities m on m.id = o.municipality_id
          left join reports r on r.organisation_id = o.id and r.year = 2026 and r.quarter = 4
          where m.name = ${DEMO_CITY_NAME} group by r.status`,
    );
    const found = new Set(statuses.map((r) => r.status ?? "not_started"));
    for (const status of ["approved", "submitted", "returned", "draft", "not_started"])
      expect(found).toContain(status);

    const [returned] = await execRows<{ comment: string }>(
      h.db,
      sql`select t.comment from report_transitions t join reports r on r.id = t.report_id
          where r.year = 2026 and r.quarter = 4 and r.status = 'returned' and t.to_status = 'returned' limit 1`,
    );
    expect(returned.comment.length).toBeGreaterThan(10);

    // Q3 2026's deadline (10 October) has passed: a few reports are still unsent there.
    const [overdue] = await execRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from organisations o
          left join reports r on r.organisation_id = o.id and r.year = 2026 and r.quarter = 3
          where r.id is null or r.status in ('draft', 'returned')`,
    );
    expect(overdue.n).toBeGreaterThan(0);
    const [old] = await execRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from reports where year < 2026 and status <> 'approved'`,
    );
    expect(old.n).toBe(0);
  });

  it("creates the demo accounts (a federal one among them) with the demo password and their scopes", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await h.db.select().from(s.users).where(eq(s.users.email, account.email));
      expect(user?.role).toBe(account.role);
      expect(await verify(user.passwordHash!, account.password)).toBe(true);
    }
    const [curator] = await h.db
      .select({ org: s.organisations.shortName, status: s.reports.status })
      .from(s.users)
      .innerJoin(s.organisations, eq(s.organisations.id, s.users.organisationId))
      .innerJoin(
        s.reports,
        and(
          eq(s.reports.organisationId, s.organisations.id),
          eq(s.reports.year, 2026),
          eq(s.reports.quarter, 4),
        ),
      )
      .where(eq(s.users.email, "curator@nastavnik.demo"));
    expect(curator).toEqual({ org: DEMO_CURATOR_SCHOOL, status: "draft" });
    const [coordinator] = await h.db
      .select({ muni: s.municipalities.name })
      .from(s.users)
      .innerJoin(s.municipalities, eq(s.municipalities.id, s.users.municipalityId))
      .where(eq(s.users.email, "coordinator@nastavnik.demo"));
    expect(coordinator.muni).toBe(DEMO_CITY_NAME);
    const [federal] = await h.db.select().from(s.users).where(eq(s.users.email, "federal@nastavnik.demo"));
    expect(federal).toMatchObject({
      role: "federal",
      regionId: null,
      municipalityId: null,
      organisationId: null,
    });
  });

  it("gives every document a real file of its organisation: an ODT order that passes the upload check", async () => {
    const rows = await h.db
      .select({ doc: s.documents, file: s.files })
      .from(s.documents)
      .leftJoin(s.files, eq(s.files.id, s.documents.fileId));
    expect(rows.length).toBe(summary.counts.documents);
    expect(summary.counts.files).toBe(summary.counts.documents);
    for (const { doc, file } of rows.slice(0, 200)) {
      expect(file?.organisationId).toBe(doc.organisationId);
      expect(checkFile(file!.name, file!.data)).toMatchObject({ ok: true, kind: "odt" });
    }
    const { doc, file } = rows[0];
    const content = await (await JSZip.loadAsync(file!.data)).file("content.xml")!.async("string");
    expect(content).toContain(doc.title);
    expect(content).toContain(`№ ${doc.number}`);
  });

  it("leaves sequences past the explicit ids", async () => {
    const [person] = await h.db
      .insert(s.persons)
      .values({ organisationId: 1, surname: "Тестов", name: "Тест", category: "teacher" })
      .returning({ id: s.persons.id });
    expect(person.id).toBe(summary.counts.persons + 1);
  });

  it("is left alone when present, and refuses to touch a database with a real region", async () => {
    expect(await ensureDemo(h.db, { today: TODAY })).toBe("present");
    await h.db.insert(s.regions).values({ name: "Настоящая область", code: "real", isDemo: false });
    const log: string[] = [];
    expect(await ensureDemo(h.db, { today: TODAY, log: (m) => log.push(m) })).toBe("refused");
    expect(log.join(" ")).toMatch(/реального региона/);
    await expect(resetDemo(h.db)).rejects.toThrow(/реального региона/);
    const [{ n }] = await execRows<{ n: number }>(h.db, sql`select count(*)::int as n from persons`);
    expect(n).toBe(summary.counts.persons + 1);
  });
});

describe("the generator", () => {
  it("gives the same data for the same seed and day", async () => {
    const snapshots = [];
    for (let i = 0; i < 2; i++) {
      const h = await fresh();
      try {
        const { counts } = await seedDemo(h.db, { today: TODAY, size: SMALL, seed: 7 });
        const persons = await h.db.select().from(s.persons).orderBy(asc(s.persons.id)).limit(50);
        const reports = await execRows<{ summary: unknown }>(
          h.db,
          sql`select summary, form1, status from reports order by id limit 200`,
        );
        snapshots.push({ counts, persons, reports });
      } finally {
        await h.close();
      }
    }
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect(snapshots[0].persons.length).toBe(50);
  });

  it("seeds an empty database, and resets and reseeds a demo one", async () => {
    const h = await fresh();
    try {
      expect(await ensureDemo(h.db, { today: TODAY, size: SMALL })).toBe("seeded");
      await resetDemo(h.db);
      const [{ n }] = await execRows<{ n: number }>(h.db, sql`select count(*)::int as n from regions`);
      expect(n).toBe(0);
      expect(await ensureDemo(h.db, { today: TODAY, size: SMALL })).toBe("seeded");
      const [{ id }] = await execRows<{ id: number }>(h.db, sql`select min(id)::int as id from regions`);
      expect(id).toBe(1);
    } finally {
      await h.close();
    }
  });
});
