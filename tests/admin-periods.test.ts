/** Reporting periods: each region's admin opens the region's quarters and sets their deadlines. */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, periods } from "@/db/schema";
import { listPeriods, suggestedPeriod } from "@/lib/admin/periods/queries";
import { standardPeriods } from "@/lib/admin/periods/standard";
import { scopeAdminRegion } from "@/lib/auth/scoped";
import { deadlineOf } from "@/lib/reports/periods";
import { changedTables, fingerprint } from "./support/db-fingerprint";
import { createTenant, type Tenant } from "./support/factories";
import { periodRow } from "./support/periods";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { openPeriodAction, updatePeriodAction } = await import("@/lib/admin/periods/actions");

let t: Tenant;
let other: Tenant;
const year = 2070 + Math.floor(Math.random() * 15);
beforeAll(async () => {
  t = await createTenant("adm-per");
  other = await createTenant("adm-per-other");
});

const period = (quarter: number, regionId = t.regionId) => periodRow(regionId, { year, quarter });
/** The row form's input: the period as loaded, with changes. */
async function edit(quarter: number, patch: Record<string, unknown>, regionId = t.regionId) {
  const p = await period(quarter, regionId);
  return {
    year,
    quarter,
    deadline: p.deadline,
    open: p.open,
    updatedAt: p.updatedAt.toISOString(),
    ...patch,
  };
}

describe("periods", () => {
  it("opens a quarter of the admin's region with the default deadline, the 10th day after it ends", async () => {
    signInAs(t.users.admin);
    const r = await openPeriodAction({ year: String(year), quarter: "1", deadline: "" });
    expect(r).toMatchObject({ ok: true, data: { deadline: `${year}-04-10` } });
    expect(await period(1)).toMatchObject({ regionId: t.regionId, deadline: `${year}-04-10`, open: true });
    expect(await deadlineOf(t.regionId, { year, quarter: 1 })).toBe(`${year}-04-10`);
    const db = await getDb();
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, "period"),
          eq(auditLog.entityId, `${year}-Q1`),
          eq(auditLog.userId, t.users.admin.id),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(await openPeriodAction({ year, quarter: 1 })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/уже открыт/),
    });
  });

  it("opens a quarter with a chosen deadline, never before the quarter ends", async () => {
    signInAs(t.users.admin);
    expect(await openPeriodAction({ year, quarter: 2, deadline: `${year}-06-15` })).toMatchObject({
      ok: false,
      fieldErrors: { deadline: [`Срок сдачи не может быть раньше конца квартала (30.06.${year}).`] },
    });
    expect((await openPeriodAction({ year, quarter: 2, deadline: `${year}-07-20` })).ok).toBe(true);
    expect((await period(2)).deadline).toBe(`${year}-07-20`);
  });

  it("changes the deadline and closes a period; a missing period is reported", async () => {
    signInAs(t.users.admin);
    await openPeriodAction({ year, quarter: 3 });
    const r = await updatePeriodAction(await edit(3, { deadline: `${year}-10-25`, open: "false" }));
    expect(r).toMatchObject({ ok: true, data: { deadline: `${year}-10-25`, open: false } });
    expect(await deadlineOf(t.regionId, { year, quarter: 3 })).toBe(`${year}-10-25`);
    expect(
      await updatePeriodAction({
        year,
        quarter: 4,
        deadline: `${year + 1}-01-10`,
        open: true,
        updatedAt: new Date().toISOString(),
      }),
    ).toMatchObject({
      ok: false,
      formError: "Период не найден: сначала откройте его.",
    });
  });

  it("belong to a region: another region's admin opens, closes and re-dates only the own region's", async () => {
    // Region A has the quarter open; the admin of region B opens the same quarter: a period of B, not a clash.
    signInAs(other.users.admin);
    expect((await openPeriodAction({ year, quarter: 1, deadline: `${year}-04-20` })).ok).toBe(true);
    expect(await period(1, other.regionId)).toMatchObject({ deadline: `${year}-04-20`, open: true });
    expect(await period(1)).toMatchObject({ deadline: `${year}-04-10`, open: true });
    // Closing and re-dating it changes B's period alone.
    const r = await updatePeriodAction(
      await edit(1, { deadline: `${year}-04-30`, open: false }, other.regionId),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(await period(1, other.regionId)).toMatchObject({ deadline: `${year}-04-30`, open: false });
    expect(await period(1)).toMatchObject({ deadline: `${year}-04-10`, open: true });
    expect(await deadlineOf(t.regionId, { year, quarter: 1 })).toBe(`${year}-04-10`);
    expect(await deadlineOf(other.regionId, { year, quarter: 1 })).toBe(`${year}-04-30`);
    // A quarter region B never opened is out of its admin's reach, whatever A has: nothing written.
    const before = await fingerprint();
    expect(await updatePeriodAction(await edit(2, { open: false }))).toMatchObject({
      ok: false,
      code: "not_found",
      formError: "Период не найден: сначала откройте его.",
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);
    expect((await period(2)).open).toBe(true);
    // Each admin's list holds the own region's periods.
    const own = await listPeriods(await scopeAdminRegion(t.users.admin));
    const theirs = await listPeriods(await scopeAdminRegion(other.users.admin));
    expect(own.filter((p) => p.year === year).map((p) => p.quarter)).toEqual([3, 2, 1]);
    expect(theirs.filter((p) => p.year === year).map((p) => [p.quarter, p.open])).toEqual([[1, false]]);
  });

  it("two admins saving one period at once: the second gets the registers' conflict and changes nothing", async () => {
    signInAs(t.users.admin);
    await openPeriodAction({ year, quarter: 4 });
    const loaded = await edit(4, {});
    const first = await updatePeriodAction({ ...loaded, deadline: `${year + 1}-01-20` });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const saved = await period(4);
    const before = await fingerprint();
    const second = await updatePeriodAction({ ...loaded, open: false });
    expect(second).toMatchObject({
      ok: false,
      code: "conflict",
      formError: expect.stringMatching(
        new RegExp(
          `^Период уже изменили \\(${t.users.admin.name}, .*\\), пока форма была открыта у вас\\. Ваши изменения не сохранены`,
        ),
      ),
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);
    expect(await period(4)).toMatchObject({ deadline: `${year + 1}-01-20`, open: true });
    expect((await period(4)).updatedAt).toEqual(saved.updatedAt);
    // With the stamp the first save returned, the next save goes through.
    const again = await updatePeriodAction({
      ...loaded,
      deadline: `${year + 1}-01-20`,
      open: false,
      updatedAt: first.ok ? (first.data as { updatedAt: string }).updatedAt : "",
    });
    expect(again.ok, JSON.stringify(again)).toBe(true);
  });

  it("two saves of one version at the same moment: exactly one wins", async () => {
    signInAs(t.users.admin);
    const loaded = await edit(4, {});
    const results = await Promise.all([
      updatePeriodAction({ ...loaded, deadline: `${year + 1}-01-25` }),
      updatePeriodAction({ ...loaded, deadline: `${year + 1}-01-26` }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("are refused to every role but the admin", async () => {
    const db = await getDb();
    await db
      .delete(periods)
      .where(and(eq(periods.regionId, t.regionId), eq(periods.year, year + 1), eq(periods.quarter, 1)));
    for (const actor of [t.users.coordinator, t.users.curator, t.users.ministry]) {
      signInAs(actor);
      expect(await openPeriodAction({ year: year + 1, quarter: 1 })).toMatchObject({
        ok: false,
        formError: "Недостаточно прав для этого действия.",
      });
    }
    expect(await periodRow(t.regionId, { year: year + 1, quarter: 1 })).toBeUndefined();
  });

  it("suggests the quarter after the newest one (pure)", () => {
    expect(suggestedPeriod([{ year: 2025, quarter: 4 }], { year: 2026, quarter: 2 })).toEqual({
      year: 2026,
      quarter: 1,
      deadline: "2026-04-10",
    });
    expect(suggestedPeriod([], { year: 2026, quarter: 2 })).toMatchObject({ year: 2026, quarter: 2 });
  });

  it("a new region's standard periods: every quarter from 2021 to the current one, open (pure)", () => {
    const list = standardPeriods(7, { year: 2022, quarter: 2 });
    expect(list.map((p) => `${p.year}-${p.quarter}`)).toEqual([
      "2021-1",
      "2021-2",
      "2021-3",
      "2021-4",
      "2022-1",
      "2022-2",
    ]);
    expect(list[5]).toEqual({ regionId: 7, year: 2022, quarter: 2, deadline: "2022-07-10", open: true });
  });
});
