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
import { organisations, users } from "@/db/schema";
import { createSession, sessionUser } from "@/lib/auth/sessions";
import { organisationCard, scopeOrg } from "@/lib/auth/scoped";
import { requiredDocumentsStatus } from "@/lib/organisations/queries";
import { registryContext } from "@/lib/registry/context";
import { sessionRegionId, userRegionId } from "@/lib/territory/clock";
import { createTenant, type Tenant } from "./support/factories";
import { statements } from "./support/statements";

// As React does for a request: one memo per function, keyed by its arguments' identity, position by position.
const request = vi.hoisted(() => ({ memo: new Map<unknown, Map<unknown, unknown>>() }));
vi.mock("react", async (original) => ({
  ...(await original<typeof React>()),
  cache: <A extends unknown[], R>(fn: (...args: A) => R) => {
    const RESULT = Symbol("result");
    return (...args: A): R => {
      let node = request.memo.get(fn);
      if (!node) request.memo.set(fn, (node = new Map()));
      for (const arg of args) {
        let next = node.get(arg) as Map<unknown, unknown> | undefined;
        if (!next) node.set(arg, (next = new Map()));
        node = next;
      }
      if (!node.has(RESULT)) node.set(RESULT, fn(...args));
      return node.get(RESULT) as R;
    };
  },
}));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("reads");
});
// A new request for each test.
beforeEach(() => request.memo.clear());

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

  it("the required documents' status reads the card the scope check read", async () => {
    const scope = await scopeOrg(t.users.curator, t.orgId, "registers");
    await requiredDocumentsStatus(scope); // the region's zone, kept across requests
    request.memo.clear();
    const alone = await statements(() => requiredDocumentsStatus(scope));
    request.memo.clear();
    const { value, count } = await statements(async () => {
      await scopeOrg(t.users.curator, t.orgId, "registers");
      return requiredDocumentsStatus(scope);
    });
    // The scope's read, and the documents': the card is not read again.
    expect(count).toBe(alone.count);
    expect(value).toEqual(alone.value);
    expect(value.curatorAppointed).toBe(false);
  });

  it("still refuses an organisation out of reach or missing, with the same text and no second read", async () => {
    const { count } = await statements(async () => {
      await expect(scopeOrg(t.users.curator, t.siblingOrgId, "view")).rejects.toThrow(
        "Организация не найдена или недоступна.",
      );
      await expect(scopeOrg(t.users.curator, t.siblingOrgId, "view")).rejects.toThrow(/не найдена/);
      await expect(
        scopeOrg(t.users.admin, 2147483000, "view", { notFound: "Отчёт не найден." }),
      ).rejects.toThrow("Отчёт не найден.");
    });
    expect(count).toBe(2);
  });

  it("reads inside the transaction it is given, never from the request's memo", async () => {
    const db = await getDb();
    const org = t.otherMunicipalityOrgId;
    // The memo holds the organisation in its municipality…
    expect((await scopeOrg(t.users.admin, org, "view")).municipalityId).toBe(t.siblingMunicipalityId);
    const rollback = new Error("rollback");
    await expect(
      db.transaction(async (tx) => {
        // …the transaction moves it: a read in the transaction sees the move.
        await tx
          .update(organisations)
          .set({ municipalityId: t.municipalityId })
          .where(eq(organisations.id, org));
        expect((await scopeOrg(t.users.admin, org, "view", { tx })).municipalityId).toBe(t.municipalityId);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it("the user's region comes with the session's lookup, as userRegionId finds it, for every role", async () => {
    const db = await getDb();
    for (const role of ["curator", "coordinator", "ministry", "admin", "federal"] as const) {
      request.memo.clear();
      const user = await lookedUp(t.users[role]);
      const { value, count } = await statements(() => sessionRegionId(user!));
      expect(value, role).toBe(await userRegionId(db, t.users[role]));
      expect(value, role).toBe(role === "federal" ? null : t.regionId);
      expect(count, role).toBe(0);
    }
    // A user object that did not come from a lookup is resolved by a query, as before.
    const { value, count } = await statements(() =>
      sessionRegionId({ regionId: null, municipalityId: null, organisationId: t.orgId }),
    );
    expect(value).toBe(t.regionId);
    expect(count).toBe(1);
  });

  it("a user with a municipality and an organisation of different regions: the municipality's, as before", async () => {
    const db = await getDb();
    const other = await createTenant("reads-other");
    const [u] = await db
      .insert(users)
      .values({
        email: `reads-mixed-${Date.now()}@test.local`,
        name: "Смешанное место",
        role: "coordinator",
        municipalityId: t.municipalityId,
        organisationId: other.orgId,
      })
      .returning();
    const user = await lookedUp(u);
    expect(await sessionRegionId(user!)).toBe(t.regionId);
    expect(await userRegionId(db, u)).toBe(t.regionId);
  });
});
