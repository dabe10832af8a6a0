/** User management by the admin (whole region) and the coordinator (curators of the municipality). */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, passwordLinks, users } from "@/db/schema";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { createUserAction, updateUserAction, setUserActiveAction, issuePasswordLinkAction } =
  await import("@/lib/admin/users/actions");

let t: Tenant;
let other: Tenant;
let n = 0;
const email = () => `adm-u-${Date.now().toString(36)}-${++n}@test.local`;

beforeAll(async () => {
  t = await createTenant("adm-users");
  other = await createTenant("adm-users-o");
});

async function userRow(id: number) {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

async function auditOf(entityId: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, String(entityId))))
    .orderBy(auditLog.id);
}

async function curator(orgId: number) {
  signInAs(t.users.admin);
  const r = await createUserAction({
    name: "Куратор Тестовый",
    email: email(),
    role: "curator",
    organisationId: orgId,
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return userRow(r.data.userId);
}

describe("the admin", () => {
  it("creates users of every role with their scope and gets a one-time link; nothing secret is audited", async () => {
    signInAs(t.users.admin);
    const cases = [
      { role: "curator", organisationId: t.orgId },
      { role: "coordinator", municipalityId: t.siblingMunicipalityId },
      { role: "ministry" },
      { role: "admin" },
    ] as const;
    for (const c of cases) {
      const r = await createUserAction({ name: "Новый Пользователь", email: email().toUpperCase(), ...c });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) continue;
      expect(r.data.link).toMatch(/^http:\/\/localhost:3000\/set-password\/[A-Za-z0-9_-]{43}$/);
      expect(r.data.emailed).toBe(false);
      const u = await userRow(r.data.userId);
      expect(u.email).toBe(u.email.toLowerCase());
      expect(u.passwordHash).toBeNull();
      expect(u.role).toBe(c.role);
      if (c.role === "curator") expect(u.organisationId).toBe(t.orgId);
      if (c.role === "coordinator") expect(u.municipalityId).toBe(t.siblingMunicipalityId);
      if (c.role === "ministry" || c.role === "admin") expect(u.regionId).toBe(t.regionId);
      const token = r.data.link.split("/").pop()!;
      const rows = await auditOf(u.id);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows[0].changes)).not.toContain(token);
      const db = await getDb();
      const [link] = await db.select().from(passwordLinks).where(eq(passwordLinks.userId, u.id));
      expect(link.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(link.tokenHash).not.toContain(token);
    }
  });

  it("is refused an organisation, a municipality or a user of another region", async () => {
    signInAs(t.users.admin);
    const org = await createUserAction({
      name: "Чужой Куратор",
      email: email(),
      role: "curator",
      organisationId: other.orgId,
    });
    expect(org).toMatchObject({ ok: false, formError: "Организация не найдена или недоступна." });
    const muni = await createUserAction({
      name: "Чужой Координатор",
      email: email(),
      role: "coordinator",
      municipalityId: other.municipalityId,
    });
    expect(muni).toMatchObject({ ok: false, formError: "Муниципалитет не найден или недоступен." });
    const foreign = other.users.curator;
    const row = await userRow(foreign.id);
    const upd = await updateUserAction({
      ...foreign,
      userId: foreign.id,
      updatedAt: row.updatedAt.toISOString(),
      name: "Взлом",
    });
    expect(upd).toMatchObject({ ok: false, formError: "Пользователь не найден или недоступен." });
    expect(
      await setUserActiveAction({
        userId: foreign.id,
        updatedAt: row.updatedAt.toISOString(),
        active: false,
      }),
    ).toMatchObject({
      ok: false,
    });
    expect(await issuePasswordLinkAction({ userId: foreign.id })).toMatchObject({ ok: false });
    expect((await userRow(foreign.id)).name).toBe(row.name);
    expect(await auditOf(foreign.id)).toHaveLength(0);
  });

  it("needs the scope that the role requires, with Russian messages for each field", async () => {
    signInAs(t.users.admin);
    const r = await createUserAction({
      name: "Без Области",
      email: "не почта",
      role: "curator",
      organisationId: "",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors?.organisationId?.[0]).toMatch(/Организация: выберите/);
    expect(r.fieldErrors?.email?.[0]).toMatch(/Электронная почта/);
  });

  it("refuses a second account with the same e-mail", async () => {
    signInAs(t.users.admin);
    const r = await createUserAction({ name: "Двойник", email: t.users.curator.email, role: "ministry" });
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: { email: ["Пользователь с таким адресом электронной почты уже есть."] },
    });
  });

  it("changes a role and scope, bumping the session version; refuses a stale form", async () => {
    const u = await curator(t.orgId);
    signInAs(t.users.admin);
    const r = await updateUserAction({
      userId: u.id,
      updatedAt: u.updatedAt.toISOString(),
      name: u.name,
      email: u.email,
      role: "coordinator",
      municipalityId: t.municipalityId,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const after = await userRow(u.id);
    expect(after).toMatchObject({
      role: "coordinator",
      municipalityId: t.municipalityId,
      organisationId: null,
    });
    expect(after.sessionVersion).toBe(u.sessionVersion + 1);
    const stale = await updateUserAction({
      userId: u.id,
      updatedAt: u.updatedAt.toISOString(),
      name: "X Y Z",
      email: u.email,
      role: "ministry",
    });
    expect(stale).toMatchObject({ ok: false, formError: expect.stringMatching(/уже изменили/) });
  });

  it("renaming alone keeps the sessions", async () => {
    const u = await curator(t.orgId);
    const r = await updateUserAction({
      userId: u.id,
      updatedAt: u.updatedAt.toISOString(),
      name: "Новое Имя Куратора",
      email: u.email,
      role: "curator",
      organisationId: t.orgId,
    });
    expect(r.ok).toBe(true);
    expect((await userRow(u.id)).sessionVersion).toBe(u.sessionVersion);
  });

  it("deactivates (ending sessions) and re-activates; cannot deactivate or demote itself", async () => {
    const u = await curator(t.orgId);
    signInAs(t.users.admin);
    expect(
      (await setUserActiveAction({ userId: u.id, updatedAt: u.updatedAt.toISOString(), active: "false" })).ok,
    ).toBe(true);
    const off = await userRow(u.id);
    expect(off.active).toBe(false);
    expect(off.sessionVersion).toBe(u.sessionVersion + 1);
    expect(await issuePasswordLinkAction({ userId: u.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/отключена/),
    });
    expect(
      (await setUserActiveAction({ userId: u.id, updatedAt: off.updatedAt.toISOString(), active: true })).ok,
    ).toBe(true);
    expect((await userRow(u.id)).active).toBe(true);
    expect((await auditOf(u.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(["deactivate", "activate"]),
    );

    const me = await userRow(t.users.admin.id);
    expect(
      await setUserActiveAction({ userId: me.id, updatedAt: me.updatedAt.toISOString(), active: false }),
    ).toMatchObject({
      ok: false,
      formError: "Собственную учётную запись отключить нельзя.",
    });
    expect(
      await updateUserAction({
        userId: me.id,
        updatedAt: me.updatedAt.toISOString(),
        name: me.name,
        email: me.email,
        role: "ministry",
      }),
    ).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/Свою роль/),
    });
  });

  it("issues a new link that replaces the earlier one", async () => {
    const u = await curator(t.orgId);
    signInAs(t.users.admin);
    const r = await issuePasswordLinkAction({ userId: u.id });
    expect(r.ok).toBe(true);
    const db = await getDb();
    const links = await db.select().from(passwordLinks).where(eq(passwordLinks.userId, u.id));
    expect(links).toHaveLength(2);
    expect(links.filter((l) => l.usedAt == null)).toHaveLength(1);
  });
});

describe("password resets of working accounts", () => {
  it("a coordinator cannot take a curator's account over by resetting its password; the admin can", async () => {
    // The tenant's curator has a password: a reset link shown to the coordinator would let them sign in as the curator.
    signInAs(t.users.coordinator);
    expect(await issuePasswordLinkAction({ userId: t.users.curator.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/администратор/),
    });
    signInAs(t.users.admin);
    const r = await issuePasswordLinkAction({ userId: t.users.curator.id });
    expect(r.ok && r.data.link).toMatch(/\/set-password\//);
  });
});

describe("the coordinator", () => {
  it("creates and manages curators of the municipality's organisations", async () => {
    signInAs(t.users.coordinator);
    const r = await createUserAction({
      name: "Куратор Школы Два",
      email: email(),
      role: "curator",
      organisationId: t.siblingOrgId,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const u = await userRow(r.data.userId);
    const moved = await updateUserAction({
      userId: u.id,
      updatedAt: u.updatedAt.toISOString(),
      name: u.name,
      email: u.email,
      role: "curator",
      organisationId: t.orgId,
    });
    expect(moved.ok).toBe(true);
    const cur = await userRow(u.id);
    expect(
      (await setUserActiveAction({ userId: u.id, updatedAt: cur.updatedAt.toISOString(), active: false })).ok,
    ).toBe(true);
    const [row] = await auditOf(u.id);
    expect(row).toMatchObject({ userId: t.users.coordinator.id, organisationId: t.siblingOrgId });
  });

  it("is refused a curator in another municipality", async () => {
    signInAs(t.users.coordinator);
    const r = await createUserAction({
      name: "Чужой Куратор",
      email: email(),
      role: "curator",
      organisationId: t.otherMunicipalityOrgId,
    });
    expect(r).toMatchObject({ ok: false, formError: "Организация не найдена или недоступна." });
    const u = await curator(t.otherMunicipalityOrgId);
    signInAs(t.users.coordinator);
    expect(
      await setUserActiveAction({ userId: u.id, updatedAt: u.updatedAt.toISOString(), active: false }),
    ).toMatchObject({ ok: false });
    expect((await userRow(u.id)).active).toBe(true);
  });

  it("may not move its curator to another municipality", async () => {
    const u = await curator(t.orgId);
    signInAs(t.users.coordinator);
    const r = await updateUserAction({
      userId: u.id,
      updatedAt: u.updatedAt.toISOString(),
      name: u.name,
      email: u.email,
      role: "curator",
      organisationId: t.otherMunicipalityOrgId,
    });
    expect(r).toMatchObject({ ok: false, formError: "Организация не найдена или недоступна." });
    expect((await userRow(u.id)).organisationId).toBe(t.orgId);
  });

  it("is refused creating a coordinator, ministry or admin, or promoting a curator", async () => {
    signInAs(t.users.coordinator);
    for (const extra of [
      { role: "coordinator", municipalityId: t.municipalityId },
      { role: "ministry" },
      { role: "admin" },
    ] as const) {
      const r = await createUserAction({ name: "Повышение Прав", email: email(), ...extra });
      expect(r).toMatchObject({ ok: false, formError: expect.stringMatching(/только кураторов/) });
    }
    const u = await curator(t.orgId);
    signInAs(t.users.coordinator);
    const r = await updateUserAction({
      userId: u.id,
      updatedAt: u.updatedAt.toISOString(),
      name: u.name,
      email: u.email,
      role: "admin",
    });
    expect(r.ok).toBe(false);
    expect((await userRow(u.id)).role).toBe("curator");
  });

  it("cannot touch another coordinator or an admin", async () => {
    signInAs(t.users.coordinator);
    for (const target of [t.users.siblingCoordinator, t.users.admin]) {
      const row = await userRow(target.id);
      expect(
        await setUserActiveAction({
          userId: target.id,
          updatedAt: row.updatedAt.toISOString(),
          active: false,
        }),
      ).toMatchObject({
        ok: false,
        formError: "Пользователь не найден или недоступен.",
      });
    }
  });
});

describe("other roles", () => {
  it("curators and the ministry may not manage users", async () => {
    for (const actor of [t.users.curator, t.users.ministry]) {
      signInAs(actor);
      const r = await createUserAction({
        name: "Кто-то Новый",
        email: email(),
        role: "curator",
        organisationId: t.orgId,
      });
      expect(r).toMatchObject({ ok: false, formError: "Недостаточно прав для этого действия." });
    }
  });
});
