/** One regional clock: «today», the current quarter and «Просрочен» turn at the region's midnight. */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { invalidateTags } from "@/lib/cache";
import { DIRECTORY_TAG } from "@/lib/indicators/cache";
import { auditLog, periods, regions } from "@/db/schema";
import { listAudit } from "@/lib/admin/audit/queries";
import { parseAuditFilters } from "@/lib/admin/audit/filters";
import {
  dayStartIn,
  formatDateTimeIn,
  isOverdue,
  latestToday,
  quarterIn,
  timeZoneShort,
  todayIn,
} from "@/lib/clock";
import { scopeOrg, systemOrg } from "@/lib/auth/scoped";
import { formatDateTime } from "@/lib/format";
import { programmeCounts } from "@/lib/registry/programmes/queries";
import { personSchema } from "@/lib/registry/persons/schemas";
import { organisationReportList, reportPageData } from "@/lib/reports/page-data";
import { periodStatuses } from "@/lib/reports/queries";
import { createTenant, type Tenant } from "./support/factories";
import { createMentee, createMentor, createMentorship, createProgramme } from "./support/registry-factories";

// A quarter of its own with the default deadline (the periods table is shared by every suite of a run).
const year = 2060 + Math.floor(Math.random() * 9);
const period = { year, quarter: 3 };
const D = `${year}-10-10`;
const at = (iso: string) => vi.setSystemTime(new Date(iso));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("clock");
  const db = await getDb();
  await db.delete(periods).where(and(eq(periods.year, year), eq(periods.quarter, 3)));
});
// Only Date is frozen: the database drivers' timers keep running.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function setZone(zone: string) {
  const db = await getDb();
  await db.update(regions).set({ timeZone: zone }).where(eq(regions.id, t.regionId));
  // As the admin's change does (lib/admin/region/mutations.ts): the zone is kept until a directory changes.
  await invalidateTags([DIRECTORY_TAG]);
}

/** The status of the report as the curator's home, the coordinator's list, the report list and page show it. */
async function shownStatuses() {
  const home = await periodStatuses(t.users.curator, period);
  const coordinator = await periodStatuses(t.users.coordinator, period);
  const org = await scopeOrg(t.users.curator, t.orgId, "view");
  const list = await organisationReportList(org);
  const page = await reportPageData(t.users.curator, org, period);
  return [
    home.rows[0].status,
    coordinator.rows.find((r) => r.organisationId === t.orgId)!.status,
    list.list.find((r) => r.key === `${year}-3`)!.status,
    page.status,
  ];
}

describe("lib/clock (pure)", () => {
  it("reads the day, the quarter and the deadline in the zone", () => {
    const lateEvening = new Date(`${D}T17:59:00Z`);
    const midnight = new Date(`${D}T18:00:00Z`);
    expect(todayIn("Asia/Omsk", lateEvening)).toBe(D);
    expect(todayIn("Asia/Omsk", midnight)).toBe(`${year}-10-11`);
    expect(todayIn("Europe/Moscow", midnight)).toBe(D);
    expect(isOverdue(D, "Asia/Omsk", lateEvening)).toBe(false);
    expect(isOverdue(D, "Asia/Omsk", midnight)).toBe(true);
    expect(isOverdue(D, "Europe/Moscow", midnight)).toBe(false);
    const newYearEve = new Date("2026-12-31T15:00:00Z");
    expect(quarterIn("Asia/Kamchatka", newYearEve)).toEqual({ year: 2027, quarter: 1 });
    expect(quarterIn("Europe/Kaliningrad", newYearEve)).toEqual({ year: 2026, quarter: 4 });
    expect(latestToday(new Date("2026-10-10T20:00:00Z"))).toBe("2026-10-11");
  });

  it("shows instants on the zone's wall clock and starts its days at its midnight", () => {
    expect(formatDateTimeIn("2026-10-10T18:00:00Z", "Asia/Omsk")).toBe("11.10.2026, 00:00");
    expect(formatDateTime(new Date("2026-10-10T21:30:00Z"))).toBe("11.10.2026, 00:30");
    expect(timeZoneShort("Asia/Omsk")).toBe("МСК+3");
    expect(dayStartIn("2026-10-11", "Asia/Omsk").toISOString()).toBe("2026-10-10T18:00:00.000Z");
    expect(dayStartIn("2026-10-10", "Europe/Moscow", 1).toISOString()).toBe("2026-10-10T21:00:00.000Z");
  });
});

describe("«Просрочен» shown to users", () => {
  it("turns at midnight in Omsk: not at 23:59, at 00:00 of the next day", async () => {
    await setZone("Asia/Omsk");
    at(`${D}T17:59:00Z`);
    expect(await shownStatuses()).toEqual(["not_started", "not_started", "not_started", "not_started"]);
    at(`${D}T18:00:00Z`);
    expect(await shownStatuses()).toEqual(["overdue", "overdue", "overdue", "overdue"]);
  });

  it("does not turn at that instant in Moscow, where it is 21:00", async () => {
    await setZone("Europe/Moscow");
    at(`${D}T18:00:00Z`);
    expect(await shownStatuses()).toEqual(["not_started", "not_started", "not_started", "not_started"]);
    at(`${D}T21:00:00Z`);
    expect(await shownStatuses()).toEqual(["overdue", "overdue", "overdue", "overdue"]);
  });

  it("starts the next quarter at the region's midnight in the curator's report list", async () => {
    await setZone("Asia/Omsk");
    at(`${year}-12-31T18:30:00Z`);
    expect((await organisationReportList(await scopeOrg(t.users.curator, t.orgId, "view"))).list[0].key).toBe(
      `${year + 1}-1`,
    );
    await setZone("Europe/Moscow");
    at(`${year}-12-31T18:30:00Z`);
    expect((await organisationReportList(await scopeOrg(t.users.curator, t.orgId, "view"))).list[0].key).toBe(
      `${year}-4`,
    );
  });
});

describe("the registers' «today»", () => {
  it("counts a pair that starts tomorrow by UTC as active once the region's day has come", async () => {
    const programme = await createProgramme(t.orgId, { startDate: "2024-09-01" });
    const mentor = await createMentor(t.orgId);
    const mentee = await createMentee(t.orgId);
    await createMentorship(programme, mentor.id, mentee.id, { entryDate: "2026-10-11" });
    const scope = await systemOrg(await getDb(), t.orgId);
    await setZone("Asia/Omsk");
    at("2026-10-10T18:30:00Z");
    expect((await programmeCounts(scope, programme.id)).active).toBe(1);
    await setZone("Europe/Moscow");
    at("2026-10-10T18:30:00Z");
    expect((await programmeCounts(scope, programme.id)).active).toBe(0);
  });

  it("accepts a consent dated the region's today even where it is still yesterday by UTC", () => {
    at("2026-10-10T20:00:00Z");
    const mentor = (consentDate: string) => ({
      organisationId: t.orgId,
      surname: "Орлов",
      name: "Виктор",
      patronymic: "Павлович",
      birthYear: "1975",
      category: "teacher",
      teachingSince: "1998",
      isMentor: true,
      mentor: { competencies: "методика", consentDate, publishName: false },
    });
    // 08:00 on 11 October in Kamchatka.
    expect(personSchema.safeParse(mentor("2026-10-11")).success).toBe(true);
    const later = personSchema.safeParse(mentor("2026-10-12"));
    expect(later.error?.issues.map((i) => i.message)).toContain("Дата согласия: не может быть в будущем.");
  });
});

describe("the audit journal's days", () => {
  it("are the region's days", async () => {
    const db = await getDb();
    // 01:00 on 2 May in Omsk, 22:00 on 1 May in Moscow.
    await db.insert(auditLog).values({
      at: new Date("2030-05-01T19:00:00Z"),
      userId: t.users.admin.id,
      action: "update",
      entity: "municipality",
      entityId: String(t.municipalityId),
      municipalityId: t.municipalityId,
    });
    const day = (d: string) => parseAuditFilters({ from: d, to: d });
    await setZone("Asia/Omsk");
    expect((await listAudit(t.users.admin, day("2030-05-02"))).total).toBe(1);
    expect((await listAudit(t.users.admin, day("2030-05-01"))).total).toBe(0);
    await setZone("Europe/Moscow");
    expect((await listAudit(t.users.admin, day("2030-05-01"))).total).toBe(1);
    expect((await listAudit(t.users.admin, day("2030-05-02"))).total).toBe(0);
  });
});
