/**
 * The directory keeps what is derived from it current: moving an organisation with an approved report to another
 * municipality, or releasing it from «обязана участвовать», moves its figures in the kept rollups at once, so
 * they agree with a rebuild (and with the denominator counted live from the organisations); renaming a
 * municipality refreshes the region's public open data at once.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { indicatorRollups, organisations, reports } from "@/db/schema";
import { rebuildAggregates, verifyAggregates } from "@/lib/indicators/facts";
import { orgTag, regionTag } from "@/lib/public/cache";
import { orgPublicData } from "@/lib/public/loaders";
import { emptyForms } from "@/lib/reports/counting";
import type { Form1, ReportSummary } from "@/lib/reports/types";
import { createTenant, type Tenant } from "./support/factories";
import { municipalityStamp } from "./support/periods";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("@/lib/cache", async (original) =>
  (await import("./support/cache-spy")).recordInvalidations(original, revalidateTag),
);

const { archiveOrganisationAction, updateMunicipalityAction, updateOrganisationAction } =
  await import("@/lib/admin/directory/actions");
const { reviewReportAction } = await import("@/lib/reports/actions");

const YEAR = 2022;
let t: Tenant;

const form1 = (learners: number): Form1 => ({
  municipality: "",
  organisation: "",
  directorName: "",
  phone: "",
  email: "",
  address: "",
  learners10to18: learners,
  teachingStaff: 10,
  youngTeachers: 1,
  curatorName: "",
  documents: {} as Form1["documents"],
});
const summary: ReportSummary = {
  learnerMentees: 5,
  learnerMentors: 2,
  teacherMentors: 1,
  youngTeacherMentees: 1,
  youngTeachersWithRoute: 1,
  learnersAny: 7,
  teachersAny: 2,
  activeProgrammes: 1,
};

/** A submitted report of the organisation, approved by its municipality's coordinator. */
async function approve(
  organisationId: number,
  coordinator: Tenant["users"]["coordinator"],
  learners: number,
) {
  const db = await getDb();
  const [r] = await db
    .insert(reports)
    .values({
      organisationId,
      year: YEAR,
      quarter: 2,
      status: "submitted",
      form1: form1(learners),
      forms: emptyForms(),
      summary,
      documentsComplete: true,
    })
    .returning();
  signInAs(coordinator);
  const done = await reviewReportAction({ reportId: r.id, version: r.version, decision: "approve" });
  expect(done.ok, JSON.stringify(done)).toBe(true);
}

/** The municipality's kept rollup for the year: how many organisations it covers and their learners. */
async function rollup(municipalityId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ covered: indicatorRollups.covered, learners: indicatorRollups.learners })
    .from(indicatorRollups)
    .where(
      and(
        eq(indicatorRollups.level, "municipality"),
        eq(indicatorRollups.territoryId, municipalityId),
        eq(indicatorRollups.year, YEAR),
      ),
    );
  return row ?? { covered: 0, learners: 0 };
}

/** The admin saves the organisation's place in the directory, from a freshly opened form. */
async function place(organisationId: number, municipalityId: number, obliged: boolean) {
  const db = await getDb();
  const [o] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  signInAs(t.users.admin);
  const r = await updateOrganisationAction({
    organisationId,
    updatedAt: o.updatedAt.toISOString(),
    municipalityId,
    kind: o.kind,
    joinedYear: o.joinedYear ?? "",
    obliged,
  });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

async function inStep() {
  expect(await verifyAggregates(await getDb())).toEqual({ facts: 0, rollups: 0 });
}

beforeAll(async () => {
  t = await createTenant("adm-agg");
  // Other suites in this database may have left the aggregates as they tested them: start in step.
  await rebuildAggregates(await getDb());
  await approve(t.orgId, t.users.coordinator, 300);
  await approve(t.otherMunicipalityOrgId, t.users.siblingCoordinator, 100);
});

describe("the directory keeps the indicator rollups current", () => {
  it("moves an organisation's approved figures with it to another municipality", async () => {
    expect(await rollup(t.municipalityId)).toEqual({ covered: 1, learners: 300 });
    expect(await rollup(t.siblingMunicipalityId)).toEqual({ covered: 1, learners: 100 });
    await place(t.orgId, t.siblingMunicipalityId, true);
    await inStep();
    expect(await rollup(t.siblingMunicipalityId)).toEqual({ covered: 2, learners: 400 });
    expect(await rollup(t.municipalityId)).toEqual({ covered: 0, learners: 0 });
  });

  it("takes the figures out when the organisation is no longer obliged, and back when it is again", async () => {
    await place(t.orgId, t.siblingMunicipalityId, false);
    await inStep();
    expect(await rollup(t.siblingMunicipalityId)).toEqual({ covered: 1, learners: 100 });
    await place(t.orgId, t.siblingMunicipalityId, true);
    await inStep();
    expect(await rollup(t.siblingMunicipalityId)).toEqual({ covered: 2, learners: 400 });
  });

  it("moving back and releasing at once leaves both municipalities as a rebuild would", async () => {
    await place(t.orgId, t.municipalityId, false);
    await inStep();
    expect(await rollup(t.municipalityId)).toEqual({ covered: 0, learners: 0 });
    expect(await rollup(t.siblingMunicipalityId)).toEqual({ covered: 1, learners: 100 });
    await place(t.orgId, t.municipalityId, true);
    await inStep();
    expect(await rollup(t.municipalityId)).toEqual({ covered: 1, learners: 300 });
  });
});

describe("archiving an organisation", () => {
  it("takes its figures out of the totals, as it leaves the count of obliged organisations, and back", async () => {
    const db = await getDb();
    const archive = async (archived: boolean) => {
      const [o] = await db.select().from(organisations).where(eq(organisations.id, t.orgId));
      signInAs(t.users.admin);
      const r = await archiveOrganisationAction({
        organisationId: t.orgId,
        updatedAt: o.updatedAt.toISOString(),
        archived,
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    };
    await archive(true);
    await inStep();
    expect(await rollup(t.municipalityId)).toEqual({ covered: 0, learners: 0 });
    await archive(false);
    await inStep();
    expect(await rollup(t.municipalityId)).toEqual({ covered: 1, learners: 300 });
  });
});

describe("the directory refreshes the public pages", () => {
  const tags = () => revalidateTag.mock.calls.map((c) => c[0]);

  it("renaming a municipality refreshes the region's open data at once", async () => {
    signInAs(t.users.admin);
    revalidateTag.mockClear();
    const r = await updateMunicipalityAction({
      municipalityId: t.siblingMunicipalityId,
      updatedAt: await municipalityStamp(t.siblingMunicipalityId),
      name: `Район Б переименованный ${t.regionId}`,
      kind: "city_district",
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(tags()).toContain(regionTag(t.regionId));
  });

  it("a renamed municipality shows on its schools' public pages at once", async () => {
    signInAs(t.users.admin);
    const before = await orgPublicData(t.otherMunicipalityOrgId);
    expect(before?.org.municipality.name).toBeTruthy();
    const name = `Район Б, новое имя ${t.regionId}`;
    const r = await updateMunicipalityAction({
      municipalityId: t.siblingMunicipalityId,
      updatedAt: await municipalityStamp(t.siblingMunicipalityId),
      name,
      kind: "city_district",
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect((await orgPublicData(t.otherMunicipalityOrgId))?.org.municipality.name).toBe(name);
  });

  it("moving an organisation refreshes its page and its region's", async () => {
    revalidateTag.mockClear();
    await place(t.orgId, t.siblingMunicipalityId, true);
    expect(tags()).toEqual(expect.arrayContaining([orgTag(t.orgId), regionTag(t.regionId)]));
  });

  it("a refused change refreshes nothing", async () => {
    signInAs(t.users.admin);
    revalidateTag.mockClear();
    const r = await updateOrganisationAction({
      organisationId: t.orgId,
      updatedAt: new Date(0).toISOString(),
      municipalityId: t.municipalityId,
      kind: "school",
      obliged: true,
    });
    expect(r).toMatchObject({
      ok: false,
      code: "conflict",
      formError: expect.stringMatching(/^Организацию уже изменили/),
    });
    expect(tags()).toEqual([]);
  });
});
