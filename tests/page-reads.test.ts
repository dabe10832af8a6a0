/**
 * Reads a page shares within one request (React `cache`, which outside a server render reads every time): the
 * organisation's scope check and its card, the user's region from the session's lookup. Here `cache` memoises for
 * the length of a test, as it does for the length of a request, and the statements are counted through drizzle's
 * logger (PGlite and PostgreSQL alike).
 */
import { eq } from "drizzle-orm";
import type * as React from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { createSession, sessionUser } from "@/lib/auth/sessions";
import { organisationCard, scopeOrg } from "@/lib/auth/scoped";
import { registryContext } from "@/lib/registry/context";
import { sessionRegionId, userClock } from "@/lib/territory/clock";
import { createTenant, type Tenant } from "./support/factories";

const request = vi.hoisted(() => ({ memo: new Map<unknown, Map<string, unknown>>() }));
vi.mock("react", async (original) => ({
  ...(await original<typeof React>()),
  cache: <A extends unknown[], R>(fn: (...args: A) => R) => {
    return (...args: A): R => {
      let byArgs = request.memo.get(fn) as Map<string, R> | undefined;
      if (!byArgs) request.memo.set(fn, (byArgs = new Map()));
      const key = JSON.stringify(args);
      if (!byArgs.has(key)) byArgs.set(key, fn(...args));
      return byArgs.get(key)!;
    };
  },
}));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("reads");
});
// A new request for each test.
beforeEach(() => request.memo.clear());

async function statements<T>(fn: () => Promise<T>): Promise<{ value: T; count: number }> {
  const db = await getDb();
  const logger = (db as unknown as { session: { logger: { logQuery: (...a: unknown[]) => void } } }).session
    .logger;
  const spy = vi.spyOn(logger, "logQuery");
  try {
    const value = await fn();
    return { value, count: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

async function lookedUp(user: { id: number }) {
  const db = await getDb();
  const sid = await createSession(db, user.id);
  const [{ sv }] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, user.id));
  return sessionUser(db, { sid, uid: user.id, sv });
}

describe("one read per request", () => {
  it("the scope check and the organisation's card are one statement", async () => {
    const { value, count } = await statements(async () => {
      const scope = await scopeOrg(t.users.curator, t.orgId, "registers");
      return { scope, card: await organisationCard(scope) };
    });
    expect(count).toBe(1);
    expect(value.scope).toEqual({ id: t.orgId, municipalityId: t.municipalityId, regionId: t.regionId });
    expect(value.card.org.id).toBe(t.orgId);
    expect(value.card.municipality.id).toBe(t.municipalityId);
    expect(value.card.regionName).toBeTruthy();
  });

  it("so are a register page's scope and card", async () => {
    const { value, count } = await statements(() => registryContext(t.users.coordinator, String(t.orgId)));
    expect(count).toBe(1);
    expect(value.org.id).toBe(t.orgId);
    expect(value.orgQuery).toBe(`org=${t.orgId}`);
  });

  it("still refuses an organisation out of reach, with no card read", async () => {
    await expect(scopeOrg(t.users.curator, t.siblingOrgId, "view")).rejects.toThrow(/не найдена/);
  });

  it("the user's region comes with the session's lookup, for every kind of place", async () => {
    for (const role of ["curator", "coordinator", "ministry"] as const) {
      request.memo.clear();
      const user = await lookedUp(t.users[role]);
      const { value, count } = await statements(() => sessionRegionId(user!));
      expect(value, role).toBe(t.regionId);
      expect(count, role).toBe(0);
      // The clock: the region's zone is kept across requests once read.
      await userClock(user!);
      expect((await statements(() => userClock(user!))).count).toBe(0);
    }
    // A user object that did not come from a lookup is resolved by a query, as before.
    const { value, count } = await statements(() =>
      sessionRegionId({ regionId: null, municipalityId: null, organisationId: t.orgId }),
    );
    expect(value).toBe(t.regionId);
    expect(count).toBe(1);
  });
});
