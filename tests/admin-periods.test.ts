/** Reporting periods: the admin opens quarters and sets their deadlines. */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, periods } from "@/db/schema";
import { suggestedPeriod } from "@/lib/admin/periods/queries";
import { deadlineOf } from "@/lib/reports/queries";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { openPeriodAction, updatePeriodAction } = await import("@/lib/admin/periods/actions");

let t: Tenant;
// Years of their own: the periods table is shared by every suite of a PostgreSQL run.
const year = 2070 + Math.floor(Math.random() * 15);
beforeAll(async () => {
  t = await createTenant("adm-per");
  const db = await getDb();
  await db.delete(periods).where(eq(periods.year, year));
});

async function period(quarter: number) {
  const db = await getDb();
  const [p] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.year, year), eq(periods.quarter, quarter)));
  return p;
}

describe("periods", () => {
  it("opens a quarter with the default deadline, the 10th day after it ends", async () => {
    signInAs(t.users.admin);
    const r = await openPeriodAction({ year: String(year), quarter: "1", deadline: "" });
    expect(r).toMatchObject({ ok: true, data: { deadline: `${year}-04-10` } });
    expect(await period(1)).toMatchObject({ deadline: `${year}-04-10`, open: true });
    expect(await deadlineOf({ year, quarter: 1 })).toBe(`${year}-04-10`);
    const db = await getDb();
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "period"), eq(auditLog.entityId, `${year}-Q1`)));
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
    const r = await updatePeriodAction({ year, quarter: 3, deadline: `${year}-10-25`, open: "false" });
    expect(r).toMatchObject({ ok: true, data: { deadline: `${year}-10-25`, open: false } });
    expect(await deadlineOf({ year, quarter: 3 })).toBe(`${year}-10-25`);
    expect(
      await updatePeriodAction({ year, quarter: 4, deadline: `${year + 1}-01-10`, open: true }),
    ).toMatchObject({
      ok: false,
      formError: "Период не найден: сначала откройте его.",
    });
  });

  it("are refused to every role but the admin", async () => {
    for (const actor of [t.users.coordinator, t.users.curator, t.users.ministry]) {
      signInAs(actor);
      expect(await openPeriodAction({ year, quarter: 4 })).toMatchObject({
        ok: false,
        formError: "Недостаточно прав для этого действия.",
      });
    }
    expect(await period(4)).toBeUndefined();
  });

  it("suggests the quarter after the newest one (pure)", () => {
    expect(suggestedPeriod([{ year: 2025, quarter: 4 }], { year: 2026, quarter: 2 })).toEqual({
      year: 2026,
      quarter: 1,
      deadline: "2026-04-10",
    });
    expect(suggestedPeriod([], { year: 2026, quarter: 2 })).toMatchObject({ year: 2026, quarter: 2 });
  });
});
