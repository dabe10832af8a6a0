/**
 * Sessions that end: signed in through the real Auth.js endpoint, the cookie is read back by the real guard.
 * Sign-out revokes the session server-side; the absolute lifetime and the idle timeout end it too.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { authLimits, authSessions, users } from "@/db/schema";
import { postSignIn, postSignOut, sessionFor } from "./support/auth-endpoint";
import { createTenant, TEST_PASSWORD, type Tenant } from "./support/factories";

// The real guard decodes the cookie the real endpoint issued, read from the request's cookies.
const jar = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("next/headers", async () => (await import("./support/cookie-jar")).mockHeaders(() => jar.cookie));
const { currentUser, requireUser } = await import("@/lib/auth/guard");

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("sessions");
});
afterEach(() => {
  delete process.env.SESSION_IDLE_MINUTES;
  delete process.env.SESSION_MAX_AGE_HOURS;
});
afterAll(async () => {
  await (await getDb()).delete(authLimits);
});

/** Signs in through the endpoint; the cookie goes into the jar and the session's row is returned. */
async function signIn(email: string) {
  const answer = await postSignIn(email, TEST_PASSWORD);
  expect(answer.cookie, answer.code ?? "").not.toBeNull();
  jar.cookie = answer.cookie;
  const session = (await sessionFor(answer.cookie)) as { sid: string };
  const db = await getDb();
  const [row] = await db.select().from(authSessions).where(eq(authSessions.id, session.sid));
  return row;
}

async function setSession(
  id: string,
  values: Partial<Record<"expiresAt" | "lastSeenAt", ReturnType<typeof sql>>>,
) {
  await (await getDb()).update(authSessions).set(values).where(eq(authSessions.id, id));
}

describe("sessions", () => {
  it("sign-out revokes the session: a copy of the cookie opens nothing afterwards", async () => {
    const row = await signIn(t.users.curator.email);
    const copied = jar.cookie!;
    expect(await currentUser()).toMatchObject({ id: t.users.curator.id, role: "curator" });

    await postSignOut(copied);
    jar.cookie = copied;
    expect(await currentUser()).toBeNull();
    const [after] = await (await getDb()).select().from(authSessions).where(eq(authSessions.id, row.id));
    expect(after.revokedAt).not.toBeNull();
  });

  it("a revoked session's next page is the sign-in page, though its cookie is still sent", async () => {
    const row = await signIn(t.users.coordinator.email);
    expect(await requireUser()).toMatchObject({ id: t.users.coordinator.id });
    await (
      await getDb()
    )
      .update(authSessions)
      .set({ revokedAt: sql`now()` })
      .where(eq(authSessions.id, row.id));
    // The page's guard redirects (Next.js's redirect() throws with the target in its digest).
    const refused = await requireUser().then(
      () => null,
      (error: { digest?: string }) => error.digest ?? "",
    );
    expect(refused).toMatch(/;\/login\?expired=1;/);
  });

  it("each sign-in is its own session: signing out of one leaves the other open", async () => {
    await signIn(t.users.coordinator.email);
    const first = jar.cookie!;
    await signIn(t.users.coordinator.email);
    const second = jar.cookie!;
    await postSignOut(first);
    jar.cookie = second;
    expect(await currentUser()).toMatchObject({ id: t.users.coordinator.id });
    jar.cookie = first;
    expect(await currentUser()).toBeNull();
  });

  it("ends at its absolute lifetime even when used a minute ago; activity does not extend it", async () => {
    process.env.SESSION_MAX_AGE_HOURS = "2";
    const row = await signIn(t.users.ministry.email);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(2 * 3600_000);

    await setSession(row.id, { lastSeenAt: sql`now() - interval '5 minutes'` });
    expect(await currentUser()).toMatchObject({ id: t.users.ministry.id });
    const [used] = await (await getDb()).select().from(authSessions).where(eq(authSessions.id, row.id));
    expect(used.expiresAt).toEqual(row.expiresAt);
    expect(used.lastSeenAt.getTime()).toBeGreaterThan(row.lastSeenAt.getTime());

    await setSession(row.id, {
      expiresAt: sql`now() - interval '1 second'`,
      lastSeenAt: sql`now() - interval '1 minute'`,
    });
    expect(await currentUser()).toBeNull();
  });

  it("ends after a pause longer than the idle timeout", async () => {
    const row = await signIn(t.users.admin.email);
    await setSession(row.id, { lastSeenAt: sql`now() - interval '59 minutes'` });
    expect(await currentUser()).toMatchObject({ id: t.users.admin.id });
    const [used] = await (await getDb()).select().from(authSessions).where(eq(authSessions.id, row.id));
    expect(Date.now() - used.lastSeenAt.getTime()).toBeLessThan(60_000);
    await setSession(row.id, { lastSeenAt: sql`now() - interval '61 minutes'` });
    expect(await currentUser()).toBeNull();

    const next = await signIn(t.users.admin.email);
    process.env.SESSION_IDLE_MINUTES = "5";
    await setSession(next.id, { lastSeenAt: sql`now() - interval '6 minutes'` });
    expect(await currentUser()).toBeNull();
  });

  it("a deactivated account's session ends at once", async () => {
    await signIn(t.users.siblingCurator.email);
    expect(await currentUser()).not.toBeNull();
    await (await getDb()).update(users).set({ active: false }).where(eq(users.id, t.users.siblingCurator.id));
    expect(await currentUser()).toBeNull();
  });

  it("a cookie without a session row (issued before sessions were kept) opens nothing", async () => {
    const row = await signIn(t.users.siblingCoordinator.email);
    await (await getDb()).delete(authSessions).where(eq(authSessions.id, row.id));
    expect(await currentUser()).toBeNull();
  });
});
