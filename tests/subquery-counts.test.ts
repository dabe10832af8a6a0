/**
 * Counts computed by correlated subqueries in select lists: Drizzle leaves columns unqualified there, so a
 * subquery must name the outer table itself. These pin the counts that once bound to the wrong table.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { periods, reports } from "@/db/schema";
import { listMunicipalities } from "@/lib/admin/directory/queries";
import { scopeAdminRegion } from "@/lib/auth/scoped";
import { listPeriods } from "@/lib/admin/periods/queries";
import { scopeOrg } from "@/lib/auth/scoped";
import { listPersons, personFilterSchema } from "@/lib/registry/persons/queries";
import { emptyForms } from "@/lib/reports/counting";
import { createTenant, type Tenant } from "./support/factories";
import { createMentee, createMentor, createMentorship, createProgramme } from "./support/registry-factories";

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("subq");
});

describe("counts in list pages", () => {
  it("the persons list counts each person's own active pairs", async () => {
    const programme = await createProgramme(t.orgId, {
      title: "Счёт пар",
      format: "teacher_pupil",
      startDate: "2024-09-01",
    });
    const mentor = await createMentor(t.orgId, { surname: "Счетоводов" });
    const a = await createMentee(t.orgId, { surname: "Первова" });
    const b = await createMentee(t.orgId, { surname: "Вторая" });
    await createMentorship(programme, mentor.id, a.id, { entryDate: "2024-09-15" });
    await createMentorship(programme, mentor.id, b.id, { entryDate: "2024-09-15" });
    await createMentorship(programme, mentor.id, b.id, { entryDate: "2024-01-10", endDate: "2024-05-31" });
    const rows = (
      await listPersons(await scopeOrg(t.users.curator, t.orgId, "registers"), personFilterSchema.parse({}))
    ).rows;
    const pairs = Object.fromEntries(rows.map((r) => [r.surname, r.activePairs]));
    expect(pairs).toMatchObject({ Счетоводов: 2, Первова: 1, Вторая: 1 });
  });

  it("the directory counts each municipality's own organisations", async () => {
    const { rows } = await listMunicipalities(await scopeAdminRegion(t.users.admin));
    const byId = Object.fromEntries(rows.map((r) => [r.id, Number(r.organisations)]));
    expect(byId[t.municipalityId]).toBe(2);
    expect(byId[t.siblingMunicipalityId]).toBe(1);
  });

  it("the periods list counts the reports of each period of the region", async () => {
    const db = await getDb();
    const year = 1900 + Math.floor(Math.random() * 90);
    await db
      .insert(periods)
      .values({ regionId: t.regionId, year, quarter: 2, deadline: `${year}-07-10` })
      .onConflictDoNothing();
    const base = { year, quarter: 2, form1: {} as never, forms: emptyForms(), summary: {} as never };
    await db.insert(reports).values([
      { ...base, organisationId: t.orgId },
      { ...base, organisationId: t.siblingOrgId },
    ]);
    const row = (await listPeriods(await scopeAdminRegion(t.users.admin))).find(
      (p) => p.year === year && p.quarter === 2,
    );
    expect(Number(row?.reports)).toBe(2);
  });
});
