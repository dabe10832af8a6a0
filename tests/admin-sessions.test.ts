/**
 * A deactivated, demoted or moved account loses its rights on its very next request: the real guard
 * re-reads the user and compares the session's version (its cookie is made as Auth.js makes it).
 */
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { createTenant, type Tenant } from "./support/factories";

const session = vi.hoisted(() => ({ current: null as { uid: number; sv: number; sid: string } | null }));
vi.mock("next/headers", async () => {
  const { mockHeaders, sessionCookieFor } = await import("./support/cookie-jar");
  return mockHeaders(async () => (session.current ? sessionCookieFor(session.current) : null));
});
vi.mock("next/cache", () => import("./support/mock-cache"));

const { currentUser } = await import("@/lib/auth/guard");
const { createSession } = await import("@/lib/auth/sessions");
const { createUserAction, setUserActiveAction, updateUserAction } = await import("@/lib/admin/users/actions");

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("adm-sess");
});

async function row(id: number) {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

/** Signs in as the account: a new session with the version the account has now (as the sign-in would). */
async function signIn(id: number) {
  const sid = await createSession(await getDb(), id);
  session.current = { uid: id, sv: (await row(id)).sessionVersion, sid };
  return { ...session.current };
}

async function newUser(role: "curator" | "coordinator" | "admin") {
  const db = await getDb();
  const scope =
    role === "curator"
      ? { organisationId: t.orgId }
      : role === "coordinator"
        ? { municipalityId: t.municipalityId }
        : { regionId: t.regionId };
  const [u] = await db
    .insert(users)
    .values({
      email: `sess-${role}-${Date.now()}-${Math.random()}@test.local`,
      name: `Сеанс ${role}`,
      role,
      ...scope,
    })
    .returning();
  return u;
}

beforeEach(() => {
  session.current = null;
});

describe("session versions", () => {
  it("a deactivated user's next request is refused", async () => {
    const victim = await newUser("curator");
    const old = await signIn(victim.id);
    expect(await currentUser()).toMatchObject({ id: victim.id, role: "curator" });

    await signIn(t.users.admin.id);
    const r = await setUserActiveAction({
      userId: victim.id,
      updatedAt: victim.updatedAt.toISOString(),
      active: false,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);

    session.current = old;
    expect(await currentUser()).toBeNull();
    // Even a session carrying the new version: the account is inactive.
    session.current = { ...old, sv: (await row(victim.id)).sessionVersion };
    expect(await currentUser()).toBeNull();
  });

  it("a demoted admin loses the admin's rights at once", async () => {
    const admin = await newUser("admin");
    const old = await signIn(admin.id);
    const before = await createUserAction({
      name: "Создан До Понижения",
      email: `sess-a-${Date.now()}@test.local`,
      role: "ministry",
    });
    expect(before.ok).toBe(true);

    await signIn(t.users.admin.id);
    const r = await updateUserAction({
      userId: admin.id,
      updatedAt: admin.updatedAt.toISOString(),
      name: admin.name,
      email: admin.email,
      role: "curator",
      organisationId: t.orgId,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);

    session.current = old;
    expect(await currentUser()).toBeNull();
    const after = await createUserAction({
      name: "Создан После Понижения",
      email: `sess-b-${Date.now()}@test.local`,
      role: "ministry",
    });
    expect(after).toMatchObject({ ok: false, formError: "Сеанс завершён. Войдите снова." });

    // Signed in again, the account has only the curator's rights.
    await signIn(admin.id);
    expect(await currentUser()).toMatchObject({ role: "curator", organisationId: t.orgId, regionId: null });
    expect(
      await createUserAction({
        name: "Третья Попытка",
        email: `sess-c-${Date.now()}@test.local`,
        role: "ministry",
      }),
    ).toMatchObject({
      ok: false,
      formError: "Недостаточно прав для этого действия.",
    });
  });

  it("a coordinator moved to another municipality loses the old one at once", async () => {
    const coord = await newUser("coordinator");
    const old = await signIn(coord.id);
    await signIn(t.users.admin.id);
    const r = await updateUserAction({
      userId: coord.id,
      updatedAt: coord.updatedAt.toISOString(),
      name: coord.name,
      email: coord.email,
      role: "coordinator",
      municipalityId: t.siblingMunicipalityId,
    });
    expect(r.ok).toBe(true);
    session.current = old;
    expect(await currentUser()).toBeNull();
  });
});
