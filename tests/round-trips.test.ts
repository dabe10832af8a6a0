/**
 * Statements a page sends to the database: each is a round trip, which on a loaded server costs more CPU than the
 * work PostgreSQL does for a small count (issue 14: on this machine ~170 µs of the app's CPU a write to the
 * socket; the curator's home page sent 17). Counted through drizzle's logger, on PGlite and on PostgreSQL alike.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { notifications, users } from "@/db/schema";
import { createSession, sessionUser } from "@/lib/auth/sessions";
import { scopeOrg } from "@/lib/auth/scoped";
import { unreadCount } from "@/lib/notifications/queries";
import { registerSizes } from "@/lib/organisations/queries";
import { regionClock } from "@/lib/territory/clock";
import { createTenant, type Tenant } from "./support/factories";
import { statements } from "./support/statements";
import { createMentee, createMentor, createProgramme } from "./support/registry-factories";

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("trips");
  await createMentor(t.orgId);
  await createMentor(t.orgId);
  await createMentee(t.orgId);
  await createProgramme(t.orgId);
});

afterEach(() => vi.restoreAllMocks());

describe("round trips", () => {
  it("the session's lookup brings the bell's unread count with it", async () => {
    const db = await getDb();
    const curator = t.users.curator;
    await db.insert(notifications).values(
      [1, 2].map((i) => ({
        userId: curator.id,
        kind: "report_returned",
        dedupeKey: `trips-${i}-${curator.id}`,
        payload: { title: "Отчёт возвращён", body: "Текст", href: "/reports" },
      })),
    );
    const sid = await createSession(db, curator.id);
    const [{ sv }] = await db
      .select({ sv: users.sessionVersion })
      .from(users)
      .where(eq(users.id, curator.id));
    const { value: user, count } = await statements(() =>
      sessionUser(db, { sid, uid: curator.id, sv }).then(async (u) => ({ u, unread: await unreadCount(u!) })),
    );
    expect(user.u?.id).toBe(curator.id);
    expect(user.unread).toBe(2);
    expect(count).toBe(1);
    // A user object that did not come from a lookup is counted by a query of its own, as before.
    expect(await unreadCount({ id: curator.id })).toBe(2);
  });

  it("the register's five sizes are one statement", async () => {
    const org = await scopeOrg(t.users.curator, t.orgId, "registers");
    const { value, count } = await statements(() => registerSizes(org));
    expect(value).toEqual({ persons: 3, mentors: 2, mentees: 1, programmes: 1, activeMentorships: 0 });
    // The sizes; the region's clock (its time zone) is kept.
    expect(count).toBeLessThanOrEqual(2);
    expect((await statements(() => registerSizes(org))).count).toBe(1);
  });

  it("the region's time zone is kept across requests, not read on every page", async () => {
    await regionClock(t.regionId);
    const { value, count } = await statements(() => regionClock(t.regionId));
    expect(value.zone).toBe("Europe/Moscow");
    expect(count).toBe(0);
  });
});
