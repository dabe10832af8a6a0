import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { reports } from "@/db/schema";
import { emptySums, indicatorValues, sumFacts, type OrgYearFact } from "@/lib/indicators/definitions";
import { ensureAggregatesCurrent, rebuildAggregates, verifyAggregates } from "@/lib/indicators/facts";
import { indicatorTable } from "@/lib/indicators/queries";
import { publishedFigures } from "@/lib/indicators/ref";
import { reopenReportAction, reviewReportAction } from "@/lib/reports/actions";
import { emptyForms } from "@/lib/reports/counting";
import type { Form1, ReportSummary } from "@/lib/reports/types";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const fact = (p: Partial<OrgYearFact>): OrgYearFact => ({
  organisationId: 1,
  year: 2024,
  implementing: true,
  activeProgrammes: 1,
  learnerMentees: 0,
  learnerMentors: 0,
  teacherMentors: 0,
  youngTeacherMentees: 0,
  youngTeachersWithRoute: 0,
  learnersAny: 0,
  teachersAny: 0,
  learners: 0,
  staff: 0,
  youngTeachers: 0,
  ...p,
});
const value = (code: string, sums: ReturnType<typeof sumFacts>, total: number) =>
  indicatorValues(sums, 2024, total).find((v) => v.code === code)!;

describe("indicator formulas", () => {
  it("sums numerators and denominators instead of averaging percentages", () => {
    const s = sumFacts([fact({ learnersAny: 90, learners: 100 }), fact({ learnersAny: 10, learners: 900 })]);
    expect(value("N1", s, 2).value).toBeCloseTo(10); // not (90 % + 1.1 %) / 2
  });
  it("shows no value, never NaN, for a zero denominator or no data", () => {
    expect(value("5", sumFacts([fact({ youngTeachers: 0 })]), 1).value).toBeNull();
    expect(value("2", emptySums(), 3).value).toBeNull();
    expect(value("1", emptySums(), 3)).toMatchObject({ value: 0, covered: 0, total: 3 });
  });
  it("counts organisations without an approved report as not implementing in indicator 1", () => {
    const s = sumFacts([fact({ implementing: true }), fact({ implementing: false })]);
    expect(value("1", s, 4)).toMatchObject({ numerator: 1, denominator: 4, value: 25, covered: 2 });
  });
  it("gives indicator 2 as a count of programmes", () => {
    expect(
      value("2", sumFacts([fact({ activeProgrammes: 3 }), fact({ activeProgrammes: 4 })]), 2).value,
    ).toBe(7);
  });
});

let t: Tenant;
const YEAR = 2023;
const form1 = (learners: number, staff: number): Form1 => ({
  municipality: "",
  organisation: "",
  directorName: "",
  phone: "",
  email: "",
  address: "",
  learners10to18: learners,
  teachingStaff: staff,
  youngTeachers: 2,
  curatorName: "",
  documents: {} as Form1["documents"],
});
const summary = (p: Partial<ReportSummary>): ReportSummary => ({
  learnerMentees: 0,
  learnerMentors: 0,
  teacherMentors: 0,
  youngTeacherMentees: 0,
  youngTeachersWithRoute: 0,
  learnersAny: 0,
  teachersAny: 0,
  activeProgrammes: 1,
  ...p,
});

async function insertReport(
  orgId: number,
  quarter: number,
  status: "approved" | "submitted",
  learners: number,
  any: number,
) {
  const db = await getDb();
  const [r] = await db
    .insert(reports)
    .values({
      organisationId: orgId,
      year: YEAR,
      quarter,
      status,
      form1: form1(learners, 10),
      forms: emptyForms(),
      summary: summary({ learnersAny: any }),
      documentsComplete: true,
    })
    .returning();
  return r;
}
const n1 = async () =>
  (
    await indicatorTable(
      publishedFigures({ level: "region", id: t.regionId, regionId: t.regionId, municipalityId: null }),
      YEAR,
      YEAR,
    )
  ).values.get(`N1:${YEAR}`)!;

beforeAll(async () => {
  t = await createTenant("ind");
});

describe("aggregates follow approvals", () => {
  it("moves the region's value exactly as the formula says on approval, and back on reopening", async () => {
    const db = await getDb();
    await insertReport(t.orgId, 1, "approved", 100, 30);
    await insertReport(t.otherMunicipalityOrgId, 2, "approved", 300, 60);
    await rebuildAggregates(db);
    expect(await n1()).toMatchObject({ numerator: 90, denominator: 400, covered: 2, total: 3 });

    // A later quarter of the first organisation is approved: its latest approved report wins.
    const q3 = await insertReport(t.orgId, 3, "submitted", 100, 50);
    signInAs(t.users.coordinator);
    expect((await reviewReportAction({ reportId: q3.id, version: q3.version, decision: "approve" })).ok).toBe(
      true,
    );
    expect(await n1()).toMatchObject({ numerator: 110, denominator: 400 });
    expect((await n1()).value).toBeCloseTo(27.5);

    signInAs(t.users.admin);
    const [approved] = await db.select().from(reports).where(eq(reports.id, q3.id));
    expect(
      (
        await reopenReportAction({
          reportId: q3.id,
          version: approved.version,
          reason: "Ошибка в численности",
        })
      ).ok,
    ).toBe(true);
    expect(await n1()).toMatchObject({ numerator: 90, denominator: 400 });
  });

  it("leaves an organisation without an approved report out of the sums but in the coverage's total", async () => {
    const v = await n1();
    expect(v.covered).toBe(2);
    expect(v.total).toBe(3);
  });

  it("a rebuild reproduces the incrementally kept aggregates", async () => {
    const db = await getDb();
    expect(await verifyAggregates(db)).toEqual({ facts: 0, rollups: 0 });
    const before = await n1();
    await rebuildAggregates(db);
    expect(await n1()).toEqual(before);
    const [r] = await db
      .select()
      .from(reports)
      .where(and(eq(reports.organisationId, t.orgId), eq(reports.quarter, 1)));
    await db
      .update(reports)
      .set({ summary: summary({ learnersAny: 1 }) })
      .where(eq(reports.id, r.id));
    expect((await verifyAggregates(db)).facts).toBeGreaterThan(0);
  });

  it("rebuilds once at start when the aggregates were built by an older version", async () => {
    const db = await getDb();
    await rebuildAggregates(db);
    expect(await ensureAggregatesCurrent(db)).toBe(false);
    await db.execute(sql`update settings set value = '1'::jsonb where key = 'indicatorAggregatesVersion'`);
    await db.execute(sql`update indicator_rollups set learners = learners + 1`);
    expect(await verifyAggregates(db)).not.toEqual({ facts: 0, rollups: 0 });
    expect(await ensureAggregatesCurrent(db)).toBe(true);
    expect(await verifyAggregates(db)).toEqual({ facts: 0, rollups: 0 });
    expect(await ensureAggregatesCurrent(db)).toBe(false);
  });
});

describe("approval and reopening through the derived-data step", () => {
  it("leave no difference between the kept facts and rollups and a rebuild", async () => {
    const db = await getDb();
    await rebuildAggregates(db);
    const before = await n1();
    const report = await insertReport(t.siblingOrgId, 4, "submitted", 200, 80);
    signInAs(t.users.coordinator);
    expect(
      (await reviewReportAction({ reportId: report.id, version: report.version, decision: "approve" })).ok,
    ).toBe(true);
    expect(await verifyAggregates(db)).toEqual({ facts: 0, rollups: 0 });
    expect(await n1()).toMatchObject({
      numerator: before.numerator + 80,
      denominator: (before.denominator ?? 0) + 200,
      covered: before.covered + 1,
    });

    signInAs(t.users.admin);
    expect(
      (
        await reopenReportAction({
          reportId: report.id,
          version: report.version + 1,
          reason: "Ошибка в форме 2",
        })
      ).ok,
    ).toBe(true);
    expect(await verifyAggregates(db)).toEqual({ facts: 0, rollups: 0 });
    expect(await n1()).toEqual(before);
  });
});
