import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, events } from "@/db/schema";
import { scopeOrg } from "@/lib/auth/scoped";
import {
  archiveEventAction,
  createEventAction,
  restoreEventAction,
  updateEventAction,
} from "@/lib/registry/events/actions";
import { EVENTS_PAGE_SIZE, listEvents } from "@/lib/registry/events/queries";
import { eventFields, seedEvent } from "./authz/events";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("events");
});

async function footprint(orgId: number) {
  const db = await getDb();
  const e = await db.select().from(events).where(eq(events.organisationId, orgId));
  const a = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.organisationId, orgId));
  return { events: e.map((r) => [r.id, r.title, r.archived]), audit: a.length };
}

async function load(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

async function auditOf(id: number) {
  const db = await getDb();
  return (
    db
      .select()
      .from(auditLog)
      // The organisation too: on a shared PostgreSQL database other suites write audit rows at the same time.
      .where(
        and(
          eq(auditLog.entity, "event"),
          eq(auditLog.entityId, String(id)),
          eq(auditLog.organisationId, t.orgId),
        ),
      )
      .orderBy(auditLog.id)
  );
}

describe("events feed: writes", () => {
  it("creates, edits and archives an event, each with its audit record", async () => {
    signInAs(t.users.curator);
    const created = await createEventAction(eventFields(t.orgId));
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    expect(await load(created.data.id)).toMatchObject({ date: "2024-10-05", public: true, archived: false });

    const updated = await updateEventAction(
      eventFields(t.orgId, {
        id: created.data.id,
        updatedAt: created.data.updatedAt,
        date: "06.10.2024",
        title: "Мастерская: итоги",
        public: false,
      }),
    );
    expect(updated.ok, JSON.stringify(updated)).toBe(true);
    if (!updated.ok) return;
    expect(await load(created.data.id)).toMatchObject({
      date: "2024-10-06",
      title: "Мастерская: итоги",
      public: false,
    });

    const archived = await archiveEventAction({
      id: created.data.id,
      organisationId: t.orgId,
      updatedAt: updated.data.updatedAt,
    });
    expect(archived.ok).toBe(true);
    expect((await load(created.data.id)).archived).toBe(true);

    expect(await restoreEventAction({ id: created.data.id, organisationId: t.orgId })).toMatchObject({
      ok: true,
    });
    expect((await load(created.data.id)).archived).toBe(false);

    const records = await auditOf(created.data.id);
    expect(records.map((r) => r.action)).toEqual(["create", "update", "archive", "restore"]);
    expect(records.every((r) => r.userId === t.users.curator.id && r.organisationId === t.orgId)).toBe(true);
    expect(records[1].changes).toMatchObject({ date: ["2024-10-05", "2024-10-06"], public: [true, false] });
  });

  it("accepts FormData from a form without JavaScript (check box «on»)", async () => {
    signInAs(t.users.admin);
    const data = new FormData();
    for (const [k, v] of Object.entries({
      organisationId: t.orgId,
      date: "2024-05-20",
      title: "Форум",
      public: "on",
    }))
      data.append(k, String(v));
    const result = await createEventAction(data);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(await load(result.data.id)).toMatchObject({ public: true, text: "" });
  });
});

describe("events feed: refusals write nothing", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing title", { title: "" }, "title", /Название: заполните поле/],
    ["a date in a wrong format", { date: "5 октября" }, "date", /ДД\.ММ\.ГГГГ/],
    ["a date not in the calendar", { date: "31.04.2024" }, "date", /ДД\.ММ\.ГГГГ/],
    ["a year far off", { date: "1024-10-05" }, "date", /от 1990 до 2100/],
    ["a text too long", { text: "я".repeat(10_001) }, "text", /не длиннее 10000 символов/],
  ];
  for (const [label, patch, field, message] of cases) {
    it(`refuses ${label} with a Russian message`, async () => {
      signInAs(t.users.curator);
      const before = await footprint(t.orgId);
      const result = await createEventAction(eventFields(t.orgId, patch));
      expect(result).toMatchObject({ ok: false, formError: "Проверьте выделенные поля." });
      expect((result as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field]?.join(" ")).toMatch(
        message,
      );
      expect(await footprint(t.orgId)).toEqual(before);
    });
  }

  it("refuses another organisation, the coordinator and the ministry", async () => {
    const sibling = await seedEvent(t.siblingOrgId);
    const own = await seedEvent(t.orgId);
    const before = [await footprint(t.orgId), await footprint(t.siblingOrgId)];
    signInAs(t.users.curator);
    expect(await createEventAction(eventFields(t.siblingOrgId))).toMatchObject({
      ok: false,
      formError: "Организация не найдена или недоступна.",
    });
    const stamp = sibling.updatedAt.toISOString();
    expect(await updateEventAction(eventFields(t.orgId, { id: sibling.id, updatedAt: stamp }))).toMatchObject(
      {
        ok: false,
        formError: expect.stringMatching(/Мероприятие не найдено/),
      },
    );
    expect(
      await updateEventAction(eventFields(t.siblingOrgId, { id: sibling.id, updatedAt: stamp })),
    ).toMatchObject({
      ok: false,
      formError: "Организация не найдена или недоступна.",
    });
    for (const user of [t.users.coordinator, t.users.ministry]) {
      signInAs(user);
      const input = { id: own.id, organisationId: t.orgId, updatedAt: own.updatedAt.toISOString() };
      expect(await archiveEventAction(input)).toMatchObject({
        ok: false,
        formError: "Недостаточно прав для этого действия.",
      });
      expect((await createEventAction(eventFields(t.orgId))).ok).toBe(false);
    }
    expect([await footprint(t.orgId), await footprint(t.siblingOrgId)]).toEqual(before);
  });

  it("refuses a save over a newer version and loses nothing", async () => {
    signInAs(t.users.curator);
    const ev = await seedEvent(t.orgId);
    const stale = ev.updatedAt.toISOString();
    expect(
      (await updateEventAction(eventFields(t.orgId, { id: ev.id, updatedAt: stale, title: "Первая" }))).ok,
    ).toBe(true);
    const second = await updateEventAction(
      eventFields(t.orgId, { id: ev.id, updatedAt: stale, title: "Вторая" }),
    );
    expect(second).toMatchObject({ ok: false, formError: expect.stringMatching(/уже изменили/) });
    expect((await load(ev.id)).title).toBe("Первая");
  });
});

describe("events feed: listing", () => {
  it("lists newest first, a page at a time, without archived events", async () => {
    const tenant = await createTenant("events-list");
    for (let i = 0; i < EVENTS_PAGE_SIZE + 3; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      await seedEvent(tenant.orgId, { date: `2024-${i < 28 ? "01" : "02"}-${day}`, title: `Событие ${i}` });
    }
    await seedEvent(tenant.orgId, { date: "2030-01-01", title: "В архиве", archived: true });
    const org = await scopeOrg(tenant.users.curator, tenant.orgId, "registers");
    const first = await listEvents(org, 1);
    expect(first).toMatchObject({ total: EVENTS_PAGE_SIZE + 3, pages: 2, page: 1 });
    const dates = first.rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(first.rows.some((r) => r.title === "В архиве")).toBe(false);
    const second = await listEvents(org, 99);
    expect(second.page).toBe(2);
    expect(second.rows).toHaveLength(3);
    expect(second.rows[0].date <= first.rows.at(-1)!.date).toBe(true);
  });
});
