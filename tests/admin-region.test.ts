/** The admin sets the region's time zone; from then on the region's deadlines pass at its midnight. */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, regions } from "@/db/schema";
import { TIME_ZONE_MESSAGE } from "@/lib/admin/region/schemas";
import { periodStatuses } from "@/lib/reports/queries";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { setRegionTimeZoneAction } = await import("@/lib/admin/region/actions");

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("adm-tz");
});
afterEach(() => {
  vi.useRealTimers();
});

async function zoneOf(regionId: number) {
  const db = await getDb();
  const [r] = await db.select({ zone: regions.timeZone }).from(regions).where(eq(regions.id, regionId));
  return r.zone;
}

async function regionAudit() {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "region"), eq(auditLog.entityId, String(t.regionId))))
    .orderBy(auditLog.id);
}

describe("the region's time zone", () => {
  it("is Moscow's until the admin sets another, with an audit record", async () => {
    expect(await zoneOf(t.regionId)).toBe("Europe/Moscow");
    signInAs(t.users.admin);
    const r = await setRegionTimeZoneAction({ timeZone: "Asia/Omsk" });
    expect(r).toMatchObject({ ok: true, data: { timeZone: "Asia/Omsk", changed: true } });
    expect(await zoneOf(t.regionId)).toBe("Asia/Omsk");
    const records = await regionAudit();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      userId: t.users.admin.id,
      action: "update",
      changes: { timeZone: ["Europe/Moscow", "Asia/Omsk"] },
    });
    // Choosing the zone the region already has changes and records nothing.
    expect(await setRegionTimeZoneAction({ timeZone: "Asia/Omsk" })).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    expect(await regionAudit()).toHaveLength(1);
  });

  it("moves the moment a report becomes overdue for the region's users", async () => {
    signInAs(t.users.admin);
    await setRegionTimeZoneAction({ timeZone: "Asia/Vladivostok" });
    vi.useFakeTimers({ toFake: ["Date"] });
    // 00:30 on 11 October 2061 in Vladivostok (UTC+10), 17:30 on 10 October in Moscow.
    vi.setSystemTime(new Date("2061-10-10T14:30:00Z"));
    const { deadline, rows } = await periodStatuses(t.users.coordinator, { year: 2061, quarter: 3 });
    expect(deadline).toBe("2061-10-10");
    expect(rows.map((r) => r.status)).toEqual(["overdue", "overdue"]);
  });

  it("refuses a zone outside Russia's list with a Russian message, changing nothing", async () => {
    signInAs(t.users.admin);
    const before = await zoneOf(t.regionId);
    const audits = (await regionAudit()).length;
    for (const timeZone of ["Europe/London", "UTC", "", "Asia/Omsk; drop table regions"]) {
      expect(await setRegionTimeZoneAction({ timeZone })).toEqual({
        ok: false,
        code: "invalid",
        formError: expect.any(String),
        fieldErrors: { timeZone: [TIME_ZONE_MESSAGE] },
      });
    }
    expect(TIME_ZONE_MESSAGE).toBe("Часовой пояс: выберите один из часовых поясов России из списка.");
    expect(await zoneOf(t.regionId)).toBe(before);
    expect(await regionAudit()).toHaveLength(audits);
  });

  it("is refused to the coordinator, the ministry and the curator", async () => {
    const before = await zoneOf(t.regionId);
    const audits = (await regionAudit()).length;
    for (const actor of [t.users.coordinator, t.users.ministry, t.users.curator]) {
      signInAs(actor);
      expect(await setRegionTimeZoneAction({ timeZone: "Asia/Kamchatka" })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    signInAs(null);
    expect(await setRegionTimeZoneAction({ timeZone: "Asia/Kamchatka" })).toMatchObject({
      ok: false,
      code: "signed_out",
    });
    expect(await zoneOf(t.regionId)).toBe(before);
    expect(await regionAudit()).toHaveLength(audits);
  });
});
