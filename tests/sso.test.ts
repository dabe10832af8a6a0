/**
 * Regional sign-in (OIDC) against a real provider: `oidc-provider`, started by this test on loopback, and the
 * app's own Auth.js endpoint driven as a browser drives it (sign-in → the provider's login → the callback).
 * An identity enters only an account Наставник has (bound by a verified e-mail, then by subject), with the
 * account's own role; every refusal reads the same; an altered state or a foreign nonce is refused; the
 * session is the same row a password sign-in gets, ended by deactivation at once.
 */
import { and, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, authLimits, authSessions, users } from "@/db/schema";
import type * as AuthModule from "@/lib/auth";
import { createTenant, type Tenant } from "./support/factories";
import { startTestProvider, type TestProvider } from "./support/oidc-provider";

const BASE = "http://localhost:3000";
type Jar = Map<string, string>;

let idp: TestProvider;
let auth: typeof AuthModule;
let t: Tenant;

beforeAll(async () => {
  idp = await startTestProvider([`${BASE}/api/auth/callback/oidc`]);
  process.env.OIDC_ISSUER = idp.issuer;
  process.env.OIDC_CLIENT_ID = idp.clientId;
  process.env.OIDC_CLIENT_SECRET = idp.clientSecret;
  process.env.APP_URL = BASE;
  // The Auth.js set-up reads OIDC_* as it loads: only now.
  auth = await import("@/lib/auth");
  t = await createTenant("sso");
});

afterAll(async () => {
  await idp?.close();
  delete process.env.OIDC_ISSUER;
  delete process.env.OIDC_CLIENT_ID;
  delete process.env.OIDC_CLIENT_SECRET;
  delete process.env.APP_URL;
  delete process.env.AUTH_URL;
  await (await getDb()).delete(authLimits);
});

function absorb(jar: Jar, response: Response) {
  for (const cookie of response.headers.getSetCookie()) {
    const pair = cookie.split(";")[0];
    const i = pair.indexOf("=");
    const [name, value] = [pair.slice(0, i), pair.slice(i + 1)];
    if (!value || /max-age=0\b|expires=thu, 01 jan 1970/i.test(cookie)) jar.delete(name);
    else jar.set(name, value);
  }
}
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** «Войти через региональную учётную запись»: the app's cookies and the provider's authorisation address. */
async function startSignIn(callbackUrl = "/reports") {
  const app: Jar = new Map();
  const csrf = await auth.handlers.GET(new NextRequest(`${BASE}/api/auth/csrf`) as never);
  absorb(app, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await auth.handlers.POST(
    new NextRequest(`${BASE}/api/auth/signin/oidc`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(app) },
      body: new URLSearchParams({ csrfToken, callbackUrl }),
    }) as never,
  );
  absorb(app, response);
  const authorize = new URL(response.headers.get("location") ?? "");
  expect(authorize.origin).toBe(idp.issuer);
  return { app, authorize };
}

/** Signs in at the provider as `login`; answers the address it sends the browser back to (the callback). */
async function atProvider(authorize: URL, login: string): Promise<URL> {
  const jar: Jar = new Map();
  let url = authorize.toString();
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      redirect: "manual",
      headers: {
        cookie: cookieHeader(jar),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
    });
    absorb(jar, response);
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== idp.issuer) return next;
      url = next.toString();
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status}: ${html.slice(0, 200)}`);
    url = new URL(action, url).toString();
    body = new URLSearchParams({ login, password: "any" });
  }
  throw new Error("the provider never sent the browser back");
}

/** The provider's answer reaches the app's callback: where the browser goes next, and the session cookie. */
async function callback(app: Jar, address: URL) {
  const response = await auth.handlers.GET(
    new NextRequest(address, { headers: { cookie: cookieHeader(app) } }) as never,
  );
  absorb(app, response);
  return {
    location: new URL(response.headers.get("location") ?? "", BASE),
    session: app.get("authjs.session-token") ?? null,
  };
}

async function signInAs(login: string, callbackUrl?: string) {
  const { app, authorize } = await startSignIn(callbackUrl);
  return callback(app, await atProvider(authorize, login));
}

/** The signed-in user as every page reads it (the session's row and the account), or null. */
async function userOf(session: string | null) {
  if (!session) return null;
  const response = await auth.handlers.GET(
    new NextRequest(`${BASE}/api/auth/session`, {
      headers: { cookie: `authjs.session-token=${session}` },
    }) as never,
  );
  const s = (await response.json()) as { uid?: number; sid?: string; sv?: number } | null;
  if (!s?.uid || !s.sid || typeof s.sv !== "number") return null;
  const { sessionUser } = await import("@/lib/auth/sessions");
  return sessionUser(await getDb(), { uid: s.uid, sid: s.sid, sv: s.sv });
}

async function account(id: number) {
  const [u] = await (await getDb()).select().from(users).where(eq(users.id, id));
  return u;
}

async function auditOf(userId: number, action: string) {
  return (await getDb())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, String(userId)), eq(auditLog.action, action)))
    .orderBy(auditLog.id);
}

const refusedAt = (location: URL) => `${location.pathname}?${location.searchParams}`;

describe("regional sign-in through a real OIDC provider", () => {
  it("binds the identity to the account with the verified e-mail at the first sign-in, with Наставник's role", async () => {
    const coordinator = t.users.coordinator;
    idp.accounts.set("anna", {
      sub: "idp-anna",
      email: coordinator.email.toUpperCase(),
      email_verified: true,
      name: "Анна из каталога региона",
      // A provider's groups and roles are never Наставник's: the account stays a coordinator.
      extra: { groups: ["admins"], role: "admin" },
    });
    const { location, session } = await signInAs("anna", "/reports");
    expect(`${location.pathname}`).toBe("/reports");
    const user = await userOf(session);
    expect(user).toMatchObject({ id: coordinator.id, role: "coordinator", name: coordinator.name });
    expect(user?.municipalityId).toBe(coordinator.municipalityId);

    const bound = await account(coordinator.id);
    expect(bound).toMatchObject({ oidcIssuer: idp.issuer, oidcSubject: "idp-anna", role: "coordinator" });
    expect(bound.oidcBoundAt).toBeInstanceOf(Date);
    expect(await auditOf(coordinator.id, "sso_bind")).toHaveLength(1);
    const signIns = await auditOf(coordinator.id, "sign_in");
    expect(signIns.at(-1)?.changes).toEqual({ via: "sso" });
    const sessions = await (
      await getDb()
    )
      .select()
      .from(authSessions)
      .where(eq(authSessions.userId, coordinator.id));
    expect(sessions).toHaveLength(1);
  });

  it("later finds the account by the subject alone, whatever e-mail the provider now gives", async () => {
    idp.accounts.set("anna", { sub: "idp-anna", email: "anna.new@region.test", email_verified: false });
    const { session } = await signInAs("anna");
    expect((await userOf(session))?.id).toBe(t.users.coordinator.id);
    expect(await auditOf(t.users.coordinator.id, "sso_bind")).toHaveLength(1);
  });

  it("refuses alike an unknown person, an unverified e-mail, a deactivated account and a second identity", async () => {
    const db = await getDb();
    await db
      .update(users)
      .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, t.users.siblingCoordinator.id));
    idp.accounts.set("stranger", { sub: "idp-stranger", email: "nobody@region.test", email_verified: true });
    idp.accounts.set("unverified", {
      sub: "idp-unverified",
      email: t.users.curator.email,
      email_verified: false,
    });
    idp.accounts.set("deactivated", {
      sub: "idp-deactivated",
      email: t.users.siblingCoordinator.email,
      email_verified: true,
    });
    // Another identity naming the coordinator whose account is already bound to «anna».
    idp.accounts.set("impostor", {
      sub: "idp-impostor",
      email: t.users.coordinator.email,
      email_verified: true,
    });
    idp.accounts.set("no-email", { sub: "idp-no-email" });

    for (const login of ["stranger", "unverified", "deactivated", "impostor", "no-email"]) {
      const { location, session } = await signInAs(login);
      expect(refusedAt(location), login).toBe("/login?sso=refused");
      expect(session, login).toBeNull();
    }
    expect((await account(t.users.curator.id)).oidcSubject).toBeNull();
    expect((await account(t.users.siblingCoordinator.id)).oidcSubject).toBeNull();
    expect((await account(t.users.coordinator.id)).oidcSubject).toBe("idp-anna");
  });

  it("ends a regional session at once when the account is deactivated, as a password session", async () => {
    idp.accounts.set("curator", { sub: "idp-curator", email: t.users.curator.email, email_verified: true });
    const { session } = await signInAs("curator");
    expect((await userOf(session))?.id).toBe(t.users.curator.id);
    await (
      await getDb()
    )
      .update(users)
      .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, t.users.curator.id));
    expect(await userOf(session)).toBeNull();
    // And the deactivated account's bound identity no longer signs in.
    const again = await signInAs("curator");
    expect(refusedAt(again.location)).toBe("/login?sso=refused");
    await (await getDb()).update(users).set({ active: true }).where(eq(users.id, t.users.curator.id));
  });

  it("refuses a callback whose state was altered", async () => {
    const { app, authorize } = await startSignIn();
    const answer = await atProvider(authorize, "anna");
    answer.searchParams.set("state", `${answer.searchParams.get("state")}x`);
    const { location, session } = await callback(app, answer);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("error")).toBeTruthy();
    expect(session).toBeNull();
  });

  it("refuses a callback with the state of another sign-in", async () => {
    const first = await startSignIn();
    const second = await startSignIn();
    const answer = await atProvider(first.authorize, "anna");
    const { location, session } = await callback(second.app, answer);
    expect(location.pathname).toBe("/login");
    expect(session).toBeNull();
  });

  it("refuses an ID token whose nonce is not this browser's", async () => {
    const mine = await startSignIn();
    const other = await startSignIn();
    const answer = await atProvider(mine.authorize, "anna");
    // This browser's state and PKCE verifier, but the nonce cookie of another sign-in.
    const nonceCookie = [...other.app.keys()].find((k) => k.endsWith("authjs.nonce"))!;
    expect(nonceCookie).toBeTruthy();
    mine.app.set(nonceCookie, other.app.get(nonceCookie)!);
    const { location, session } = await callback(mine.app, answer);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("error")).toBeTruthy();
    expect(session).toBeNull();
  });

  it("binds again after an administrator unbinds the identity, and ends the account's sessions", async () => {
    const { unbindSso } = await import("@/lib/admin/users/mutations");
    const { scopeManagedUser } = await import("@/lib/admin/users/scope");
    idp.accounts.set("anna", { sub: "idp-anna", email: t.users.coordinator.email, email_verified: true });
    const { session } = await signInAs("anna");
    expect((await userOf(session))?.id).toBe(t.users.coordinator.id);

    const admin = t.users.admin;
    await unbindSso(admin, await scopeManagedUser(admin, t.users.coordinator.id));
    expect(await account(t.users.coordinator.id)).toMatchObject({ oidcIssuer: null, oidcSubject: null });
    expect(await userOf(session)).toBeNull();
    const [record] = await auditOf(t.users.coordinator.id, "sso_unbind");
    expect(record).toMatchObject({ userId: admin.id, changes: { issuer: idp.issuer } });

    // The impostor's identity with the coordinator's verified e-mail could now bind: the admin saw to that.
    const next = await signInAs("anna");
    expect((await userOf(next.session))?.id).toBe(t.users.coordinator.id);
    expect(await auditOf(t.users.coordinator.id, "sso_bind")).toHaveLength(2);
  });
});

describe("regional sign-in limits", () => {
  it("counts refused regional sign-ins against the client's address, as password attempts", async () => {
    const { ssoSignIn } = await import("@/lib/auth/sso");
    const { SIGN_IN_LIMITS } = await import("@/lib/auth/credentials");
    const claims = { sub: "idp-nobody", email: "nobody@region.test", email_verified: true };
    for (let i = 0; i < SIGN_IN_LIMITS.address; i++)
      expect(await ssoSignIn(idp.issuer, claims, "10.77.0.1")).toEqual({ ok: false, code: "refused" });
    expect(await ssoSignIn(idp.issuer, claims, "10.77.0.1")).toMatchObject({ ok: false, code: "throttled" });
    // Another address is not held back.
    expect(await ssoSignIn(idp.issuer, claims, "10.77.0.2")).toEqual({ ok: false, code: "refused" });
  });

  it("refuses a subject that is missing or longer than OpenID Connect allows", async () => {
    const { ssoSignIn } = await import("@/lib/auth/sso");
    const email = t.users.ministry.email;
    for (const sub of [undefined, "", 42, "s".repeat(256)])
      expect(await ssoSignIn(idp.issuer, { sub, email, email_verified: true }, "10.78.0.1")).toEqual({
        ok: false,
        code: "refused",
      });
    expect((await account(t.users.ministry.id)).oidcSubject).toBeNull();
  });
});
