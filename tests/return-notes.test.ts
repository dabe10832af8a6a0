/** Why a report came back — the coordinator's comment, who and when — is found for every returned report. */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { reports, reportTransitions } from "@/db/schema";
import { scopeOrg } from "@/lib/auth/scoped";
import { DEFAULT_TIME_ZONE, quarterIn } from "@/lib/clock";
import { createReportAction } from "@/lib/reports/actions";
import { byOrganisation, organisationReturnNotes, periodReturnNotes, returnKey } from "@/lib/reports/returns";
import { createTenant, type Tenant } from "./support/factories";
import { openPeriods } from "./support/periods";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const period = quarterIn(DEFAULT_TIME_ZONE);
let t: Tenant;
let reportId: number;

beforeAll(async () => {
  t = await createTenant("returns");
  await openPeriods(t.regionId, period);
  signInAs(t.users.curator);
  const created = await createReportAction({
    organisationId: t.orgId,
    period: `${period.year}-${period.quarter}`,
  });
  if (!created.ok) throw new Error(created.formError);
  reportId = (created.data as { id: number }).id;
});

let step = 0;
async function move(to: "submitted" | "returned", comment = "", userId = t.users.coordinator.id) {
  const db = await getDb();
  const [r] = await db.select().from(reports).where(eq(reports.id, reportId));
  await db.update(reports).set({ status: to }).where(eq(reports.id, reportId));
  await db.insert(reportTransitions).values({
    reportId,
    fromStatus: r.status,
    toStatus: to,
    userId,
    userRole: "coordinator",
    comment,
    at: new Date(Date.now() + ++step * 1000),
  });
}

describe("return notes", () => {
  it("give the latest return's comment, its author and time, while the report stays returned", async () => {
    const org = await scopeOrg(t.users.curator, t.orgId, "view");
    expect((await organisationReturnNotes(org)).size).toBe(0);
    await move("submitted", "", t.users.curator.id);
    await move("returned", "Первый возврат");
    await move("submitted", "", t.users.curator.id);
    await move("returned", "Уточните численность педагогов");
    const note = (await organisationReturnNotes(org)).get(returnKey(t.orgId, period));
    expect(note).toMatchObject({ comment: "Уточните численность педагогов", by: t.users.coordinator.name });
    expect(note?.at).toBeInstanceOf(Date);
    const forPeriod = byOrganisation(await periodReturnNotes([t.orgId, t.siblingOrgId], period));
    expect(forPeriod.get(t.orgId)?.comment).toBe("Уточните численность педагогов");
    expect(forPeriod.has(t.siblingOrgId)).toBe(false);
  });

  it("are gone once the report is sent again", async () => {
    await move("submitted", "", t.users.curator.id);
    const org = await scopeOrg(t.users.curator, t.orgId, "view");
    expect((await organisationReturnNotes(org)).size).toBe(0);
    expect((await periodReturnNotes([], period)).size).toBe(0);
  });
});
