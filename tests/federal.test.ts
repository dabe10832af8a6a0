/**
 * The federal level (issue 14, point 6): the country's figures as the sum of its regions, the national plan,
 * region roles kept inside their region, no registers for the federal level, distributions of many units with
 * their search, and completeness by region counted in SQL.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { municipalities, organisations, regions, reports, targets } from "@/db/schema";
import { scopeCountry, scopeOrg, scopeRegionById } from "@/lib/auth/scoped";
import { Changes, publishChanges } from "@/lib/derived";
import { NotFoundError } from "@/lib/errors";
import { regionTable } from "@/lib/indicators/by-region";
import { loadIndicator } from "@/lib/indicators/chart-data";
import { rebuildAggregates } from "@/lib/indicators/facts";
import { countryPlanFrom, distribution, quantile, searchRanked } from "@/lib/indicators/national";
import { loadTable } from "@/lib/indicators/page-data";
import { countryFigures } from "@/lib/indicators/ref";
import { emptySums } from "@/lib/indicators/definitions";
import { sortBars } from "@/lib/indicators/view";
import { completenessByRegion } from "@/lib/reports/by-region";
import { emptyForms } from "@/lib/reports/counting";
import type { Form1 } from "@/lib/reports/types";
import { createTenant, type Tenant } from "./support/factories";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const Y = 2023;
const get =
  (q: Record<string, string> = {}) =>
  (k: string) =>
    q[k] ?? null;

const doc = { present: true, number: "1", date: null };
const form1 = (learners: number): Form1 => ({
  ...{ municipality: "", organisation: "", directorName: "", phone: "", email: "", address: "" },
  learners10to18: learners,
  teachingStaff: 20,
  youngTeachers: 2,
  curatorName: "Иванова М. П.",
  documents: {
    model_introduction: doc,
    regulation_approval: doc,
    pairs_assignment: doc,
    personalised_programme: doc,
  },
});

async function approved(orgId: number, learners: number, any: number, quarter = 4, status = "approved") {
  const db = await getDb();
  await db.insert(reports).values({
    organisationId: orgId,
    year: Y,
    quarter,
    status: status as "approved",
    form1: form1(learners),
    forms: emptyForms(),
    summary: {
      ...{ learnerMentees: 0, learnerMentors: 0, teacherMentors: 0, youngTeacherMentees: 0 },
      ...{ youngTeachersWithRoute: 0, teachersAny: 0, activeProgrammes: 1, learnersAny: any },
    },
    documentsComplete: true,
  });
}

let t: Tenant;
let other: Tenant;
/** A region of 70 municipalities with one school each: more than a chart shows as bars. */
let wide: { regionId: number; regionName: string; names: string[] };

beforeAll(async () => {
  t = await createTenant("fed");
  other = await createTenant("fed-other");
  await approved(t.orgId, 300, 150);
  await approved(t.siblingOrgId, 200, 40);
  await approved(other.orgId, 100, 90);
  const db = await getDb();
  const code = `fed-wide-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const [region] = await db
    .insert(regions)
    .values({ name: `Широкая область ${code}`, code })
    .returning();
  const munis = await db
    .insert(municipalities)
    .values(
      Array.from({ length: 70 }, (_, i) => ({
        regionId: region.id,
        name: `Ёлкинский район ${String(i + 1).padStart(2, "0")} ${code}`,
        slug: `${code}-m${i}`,
      })),
    )
    .returning();
  const orgs = await db
    .insert(organisations)
    .values(
      munis.map((m, i) => ({
        municipalityId: m.id,
        fullName: `Школа ${i}`,
        shortName: `СОШ ${i}`,
        slug: `${code}-s${i}`,
        learners10to18: 100,
      })),
    )
    .returning();
  // Н1 of municipality i is i % 70 + 1 per cent (1 … 70); the last ten have no report at all.
  for (const [i, o] of orgs.entries()) if (i < 60) await approved(o.id, 100, i + 1);
  wide = { regionId: region.id, regionName: region.name, names: munis.map((m) => m.name) };
  await db.insert(targets).values([
    { indicator: "N1", year: Y, regionId: t.regionId, value: 70 },
    { indicator: "N1", year: Y, regionId: other.regionId, value: 40 },
  ]);
  await rebuildAggregates(db);
}, 300_000);

describe("the country's table", () => {
  it("sums every region's numerators and denominators, never their percentages", async () => {
    const d = await loadTable(t.users.federal, get());
    expect(d.territory).toMatchObject({ level: "country", name: "Российская Федерация" });
    const [sum] = await execRows<{ num: number; den: number; covered: number }>(
      await getDb(),
      sql`select sum(learners_any)::int as num, sum(learners)::int as den, sum(covered)::int as covered
          from indicator_rollups where level = 'region' and year = ${Y}`,
    );
    const cell = d.rows.find((r) => r.code === "N1")!.cells.find((c) => c.year === Y)!;
    expect(cell).toMatchObject({ numerator: sum.num, denominator: sum.den, covered: sum.covered });
    expect(cell.fact).toBeCloseTo((100 * sum.num) / sum.den, 6);
  });

  it("lists every region with its own figures and plan, under the country's total", async () => {
    const table = await regionTable(countryFigures(scopeCountry(t.users.federal)), Y);
    const own = table.regions.find((r) => r.id === t.regionId)!;
    const ministry = await loadTable(t.users.ministry, get());
    const n1 = ministry.rows.find((r) => r.code === "N1")!.cells.find((c) => c.year === Y)!;
    expect(own.cells.N1).toMatchObject({ numerator: 190, denominator: 500, plan: 70, below: true });
    expect(own.cells.N1.fact).toBeCloseTo(n1.fact!, 6);
    expect(table.regions.find((r) => r.id === other.regionId)!.cells.N1).toMatchObject({
      numerator: 90,
      plan: 40,
      below: false,
    });
    expect(table.total.cells.N1.plan).not.toBeNull();
  });

  it("weights the regions' plans by their denominators for the national plan; a count gets none", () => {
    const s = (learners: number, total = 1) => ({ ...emptySums(), learners, covered: 1, total });
    const sums = [
      { regionId: 1, year: Y, sums: s(100), total: 1 },
      { regionId: 2, year: Y, sums: s(300), total: 3 },
    ];
    const plan = countryPlanFrom(
      [
        { regionId: 1, code: "N1", year: Y, value: 70 },
        { regionId: 2, code: "N1", year: Y, value: 40 },
        { regionId: 1, code: "1", year: Y, value: 100 },
        { regionId: 2, code: "1", year: Y, value: 60 },
        { regionId: 1, code: "2", year: Y, value: 12 },
        { regionId: 1, code: "N1", year: Y + 5, value: 80 },
        { regionId: 2, code: "N1", year: Y + 5, value: 90 },
      ],
      sums,
    );
    expect(plan.get(`N1:${Y}`)).toBeCloseTo((70 * 100 + 40 * 300) / 400, 9);
    expect(plan.get(`1:${Y}`)).toBeCloseTo((100 * 1 + 60 * 3) / 4, 9);
    expect(plan.has(`2:${Y}`)).toBe(false);
    // A year without reports: no denominator yet, the plain mean.
    expect(plan.get(`N1:${Y + 5}`)).toBe(85);
  });
});

describe("reach", () => {
  it("lets the federal level open any region, municipality and organisation", async () => {
    const f = t.users.federal;
    expect((await loadTable(f, get({ region: String(other.regionId) }))).territory).toMatchObject({
      level: "region",
      id: other.regionId,
    });
    expect((await loadTable(f, get({ municipality: String(other.municipalityId) }))).territory.level).toBe(
      "municipality",
    );
    expect((await loadTable(f, get({ organisation: String(other.orgId) }))).territory.level).toBe(
      "organisation",
    );
    // The picker changed the region while a municipality of another stayed selected: the region asked wins.
    const moved = await loadTable(
      f,
      get({ region: String(other.regionId), municipality: String(t.municipalityId) }),
    );
    expect(moved.territory).toMatchObject({ level: "region", id: other.regionId });
    // «region=» empty: the whole country.
    expect((await loadTable(f, get({ region: "" }))).territory.level).toBe("country");
  });

  it("keeps a region's roles inside their region", async () => {
    for (const user of [t.users.ministry, t.users.admin]) {
      await expect(loadTable(user, get({ region: String(other.regionId) }))).rejects.toThrow(NotFoundError);
      await expect(loadTable(user, get({ municipality: String(other.municipalityId) }))).rejects.toThrow(
        NotFoundError,
      );
      await expect(scopeRegionById(user, other.regionId)).rejects.toThrow(NotFoundError);
      expect(() => scopeCountry(user)).toThrow(NotFoundError);
      // Without a region asked: their own, never the country.
      expect((await loadTable(user, get())).territory).toMatchObject({ level: "region", id: t.regionId });
    }
    await expect(loadTable(t.users.coordinator, get({ region: "" }))).rejects.toThrow(NotFoundError);
  });

  it("never gives the federal level registers or an edit", async () => {
    const f = t.users.federal;
    for (const access of ["registers", "edit"] as const)
      for (const id of [t.orgId, other.orgId])
        await expect(scopeOrg(f, id, access)).rejects.toThrow(NotFoundError);
    expect((await scopeOrg(f, other.orgId, "view")).id).toBe(other.orgId);
  });
});

describe("many units", () => {
  it("shows a region of 70 municipalities as a distribution: top and bottom ten, quartiles, search", async () => {
    const d = await loadIndicator(
      t.users.federal,
      get({ region: String(wide.regionId), year: String(Y), find: "елкинский район 07" }),
      "N1",
    );
    const bars = d.bars!;
    expect(bars.children).toBe("municipality");
    expect(bars.items).toHaveLength(70);
    const spread = bars.spread!;
    expect(spread).toMatchObject({ count: 70, withData: 60 });
    expect(spread.top.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(spread.top[0].item.value).toBeCloseTo(60, 6);
    expect(spread.bottom.map((r) => r.rank)).toEqual([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    expect(spread.bottom.at(-1)!.item.value).toBeCloseTo(1, 6);
    expect(spread.quartiles!.median).toBeCloseTo(30.5, 6);
    expect(spread.quartiles!.q1).toBeCloseTo(15.75, 6);
    expect(spread.quartiles!.q3).toBeCloseTo(45.25, 6);
    // «ё» and case aside: «Ёлкинский район 07» has Н1 = 7 %, the 54th of 60.
    expect(bars.search!.found).toHaveLength(1);
    expect(bars.search!.found[0]).toMatchObject({ rank: 54, item: { name: wide.names[6] } });
    expect(bars.search!.found[0].item.href).toContain(`municipality=`);
  });

  it("shows every municipality of the country at the federal level on request", async () => {
    const d = await loadIndicator(t.users.federal, get({ all: "municipalities", year: String(Y) }), "N1");
    expect(d.bars!.countryWide).toBe(true);
    expect(d.bars!.items.length).toBeGreaterThanOrEqual(74);
    expect(d.bars!.items.map((i) => i.name)).toContain(`${wide.names[0]}, ${wide.regionName}`);
    expect(d.bars!.spread).not.toBeNull();
    // The default at the country: one bar per region.
    const regionsBars = await loadIndicator(t.users.federal, get({ year: String(Y) }), "N1");
    expect(regionsBars.bars!.children).toBe("region");
  });

  it("ranks, quantiles and searches as documented", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.25)).toBe(5);
    const items = sortBars(
      [3, null, 10, 7].map((value, i) => ({
        id: i,
        name: `Ёж ${i}`,
        value,
        below: value != null && value < 5,
      })),
    );
    const d = distribution(items, 2);
    expect(d.top.map((r) => r.item.value)).toEqual([10, 7]);
    expect(d.bottom.map((r) => r.item.value)).toEqual([3]);
    expect(d).toMatchObject({ count: 4, withData: 3, below: 1 });
    expect(searchRanked(items, "еж 1").found).toEqual([{ rank: null, item: items[3] }]);
    expect(searchRanked(items, "  ").total).toBe(0);
  });
});

describe("completeness by region", () => {
  it("counts each region's organisations by the status of their report in SQL", async () => {
    const db = await getDb();
    await approved(t.orgId, 300, 150, 2, "submitted");
    await approved(t.siblingOrgId, 200, 40, 2, "draft");
    const rows = await completenessByRegion(scopeCountry(t.users.federal), { year: Y, quarter: 2 });
    expect(rows.find((r) => r.id === t.regionId)).toMatchObject({
      organisations: 3,
      submitted: 1,
      draft: 1,
      notStarted: 1,
      approved: 0,
    });
    expect(rows.find((r) => r.id === t.regionId)!.share).toBeCloseTo(100 / 3, 6);
    expect(rows.find((r) => r.id === other.regionId)).toMatchObject({ organisations: 3, notStarted: 3 });
    expect(rows.length).toBe(
      Number((await execRows<{ n: number }>(db, sql`select count(*)::int as n from regions`))[0].n),
    );
  });

  it("is kept until a report's status changes somewhere, then counted again", async () => {
    const db = await getDb();
    const period = { year: Y, quarter: 2 };
    const region = async () =>
      (await completenessByRegion(scopeCountry(t.users.federal), period)).find((r) => r.id === t.regionId)!;
    expect(await region()).toMatchObject({ submitted: 1, approved: 0 });
    // Written behind the rails' back: the kept counts do not move.
    await db
      .update(reports)
      .set({ status: "approved" })
      .where(
        sql`${reports.organisationId} = ${t.orgId} and ${reports.year} = ${Y} and ${reports.quarter} = 2`,
      );
    expect(await region()).toMatchObject({ submitted: 1, approved: 0 });
    // Any organisation's report status, in any region, drops the country's counts.
    await publishChanges(new Changes().reportStatus(other.orgId));
    expect(await region()).toMatchObject({ submitted: 0, approved: 1 });
  });
});
