/** One-time set-password links, «Забыли пароль?» and the first admin of a production database. */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, authLimits, passwordLinks, regions, users } from "@/db/schema";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));
// React's own calls of an action carry Next-Action; a form posted without JavaScript does not (`scripts.on`).
const scripts = vi.hoisted(() => ({ on: true }));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ "x-forwarded-for": "10.9.9.9", ...(scripts.on ? { "next-action": "test" } : {}) }),
}));
const sent = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/mail/send", () => ({
  sendMail: async (mail: { to: string; subject: string; text: string }) => {
    sent.push(mail);
    return true;
  },
}));

const { createUserAction, issuePasswordLinkAction, setUserActiveAction } =
  await import("@/lib/admin/users/actions");
const { requestPasswordResetAction, setPasswordAction } = await import("@/lib/admin/password/actions");
const { passwordLinkState } = await import("@/lib/admin/password/mutations");
const { FORGOT_ANSWER } = await import("@/lib/admin/password/schemas");
const { checkCredentials } = await import("@/lib/auth/credentials");
const { createAdmin } = await import("@/lib/admin/first-admin");

let t: Tenant;
let n = 0;
const PASSWORD = "клён осень 2026";
const mail = () => `pw-${Date.now().toString(36)}-${++n}@test.local`;

beforeAll(async () => {
  t = await createTenant("adm-pw");
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  delete process.env.APP_URL;
  sent.length = 0;
});

async function invite(email = mail()) {
  signInAs(t.users.admin);
  const r = await createUserAction({
    name: "Пароль Тестович",
    email,
    role: "curator",
    organisationId: t.orgId,
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { userId: r.data.userId, email, token: r.data.link.split("/").pop()! };
}

async function user(id: number) {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

describe("set-password link", () => {
  it("works once: sets an argon2id hash, ends older sessions, audits without the secret", async () => {
    const { userId, email, token } = await invite();
    expect(await passwordLinkState(token)).toMatchObject({ ok: true, email, purpose: "invite" });
    const before = await user(userId);
    const r = await setPasswordAction({ token, password: PASSWORD, confirm: PASSWORD });
    expect(r).toMatchObject({ ok: true, data: { email } });
    const after = await user(userId);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await checkCredentials(email, PASSWORD, "10.2.0.1")).ok).toBe(true);

    const db = await getDb();
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(userId)), eq(auditLog.action, "set_password")));
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows[0]);
    for (const secret of [PASSWORD, token, after.passwordHash!]) expect(text).not.toContain(secret);

    const again = await setPasswordAction({ token, password: "другой пароль 1", confirm: "другой пароль 1" });
    expect(again).toMatchObject({ ok: false, formError: expect.stringMatching(/уже использована/) });
    expect(await passwordLinkState(token)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/уже использована/),
    });
    expect((await user(userId)).passwordHash).toBe(after.passwordHash);
  });

  it("is refused once expired (72 hours)", async () => {
    const { userId, token } = await invite();
    const db = await getDb();
    const [link] = await db.select().from(passwordLinks).where(eq(passwordLinks.userId, userId));
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeGreaterThan(71.9 * 3600_000);
    await db
      .update(passwordLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordLinks.id, link.id));
    const r = await setPasswordAction({ token, password: PASSWORD, confirm: PASSWORD });
    expect(r).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/Срок действия ссылки \(72 часа\) истёк/),
    });
    expect((await user(userId)).passwordHash).toBeNull();
  });

  it("refuses a weak or mistyped password with Russian messages, and keeps the link", async () => {
    const { userId, token } = await invite();
    const short = await setPasswordAction({ token, password: "коротко", confirm: "коротко" });
    expect(short).toMatchObject({ ok: false, fieldErrors: { password: ["Пароль: не короче 10 символов."] } });
    const same = await setPasswordAction({ token, password: "aaaaaaaaaaaa", confirm: "aaaaaaaaaaaa" });
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.fieldErrors?.password?.[0]).toMatch(/слишком простой/);
    const typo = await setPasswordAction({ token, password: PASSWORD, confirm: `${PASSWORD}!` });
    expect(typo).toMatchObject({ ok: false, fieldErrors: { confirm: ["Пароли не совпадают."] } });
    expect((await user(userId)).passwordHash).toBeNull();
    expect((await setPasswordAction({ token, password: PASSWORD, confirm: PASSWORD })).ok).toBe(true);
  });

  it("sends a password set without JavaScript to sign in (the link's page can only say it is used now)", async () => {
    const { userId, token } = await invite();
    const posted = (values: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(values)) form.set(k, v);
      // React's form action without JavaScript: (previous state, the posted form).
      return (setPasswordAction as unknown as (s: null, f: FormData) => Promise<unknown>)(null, form);
    };
    scripts.on = false;
    try {
      // A refused password stays on the page with its message.
      await expect(posted({ token, password: "коротко", confirm: "коротко" })).resolves.toMatchObject({
        ok: false,
        fieldErrors: { password: ["Пароль: не короче 10 символов."] },
      });
      await expect(posted({ token, password: PASSWORD, confirm: PASSWORD })).rejects.toMatchObject({
        digest: expect.stringContaining("/login?password=set"),
      });
    } finally {
      scripts.on = true;
    }
    expect((await user(userId)).passwordHash).not.toBeNull();
  });

  it("refuses an unknown, a replaced and a deactivated account's link", async () => {
    const unknown = await setPasswordAction({ token: "A".repeat(43), password: PASSWORD, confirm: PASSWORD });
    expect(unknown).toMatchObject({ ok: false, formError: expect.stringMatching(/^Ссылка недействительна/) });
    expect(await setPasswordAction({ token: "x", password: PASSWORD, confirm: PASSWORD })).toMatchObject({
      ok: false,
    });

    const { userId, token } = await invite();
    signInAs(t.users.admin);
    const second = await issuePasswordLinkAction({ userId });
    expect(second.ok).toBe(true);
    expect(await setPasswordAction({ token, password: PASSWORD, confirm: PASSWORD })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/заменена новой/),
    });
    const u = await user(userId);
    expect(
      (await setUserActiveAction({ userId, updatedAt: u.updatedAt.toISOString(), active: false })).ok,
    ).toBe(true);
    const newest = second.ok ? second.data.link.split("/").pop()! : "";
    expect(await setPasswordAction({ token: newest, password: PASSWORD, confirm: PASSWORD })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/^Ссылка недействительна/),
    });
  });

  it("is e-mailed when SMTP is configured, with APP_URL in the address", async () => {
    process.env.SMTP_URL = "smtp://localhost:2525";
    process.env.SMTP_FROM = "Наставник <noreply@example.ru>";
    process.env.APP_URL = "https://nastavnik.example.ru/";
    const { email, token } = await invite();
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe(email);
    expect(sent[0].text).toContain(`https://nastavnik.example.ru/set-password/${token}`);
  });
});

describe("«Забыли пароль?»", () => {
  async function linksOf(userId: number) {
    const db = await getDb();
    return db.select().from(passwordLinks).where(eq(passwordLinks.userId, userId));
  }

  it("without SMTP answers the same and writes nothing", async () => {
    signInAs(null);
    const { userId } = await invite();
    signInAs(null);
    const known = await requestPasswordResetAction({ email: (await user(userId)).email });
    const unknown = await requestPasswordResetAction({ email: mail() });
    expect(known).toEqual({ ok: true, data: null, message: FORGOT_ANSWER });
    expect(unknown).toEqual(known);
    expect(await linksOf(userId)).toHaveLength(1);
    expect(sent).toHaveLength(0);
  });

  it("without APP_URL sends no e-mail at all: a link is never built from request headers", async () => {
    await invite();
    const { email } = await invite();
    process.env.SMTP_URL = "smtp://localhost:2525";
    process.env.SMTP_FROM = "noreply@example.ru";
    signInAs(null);
    expect(await requestPasswordResetAction({ email })).toMatchObject({ ok: true, message: FORGOT_ANSWER });
    await new Promise((r) => setTimeout(r, 50));
    expect(sent.filter((m) => m.to === email)).toHaveLength(0);
  });

  it("with SMTP e-mails a link only to an existing address, and answers alike", async () => {
    const { userId, email } = await invite();
    process.env.SMTP_URL = "smtp://localhost:2525";
    process.env.SMTP_FROM = "noreply@example.ru";
    process.env.APP_URL = "https://nastavnik.example.ru";
    signInAs(null);
    const known = await requestPasswordResetAction({ email: email.toUpperCase() });
    const unknown = await requestPasswordResetAction({ email: mail() });
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ ok: true, message: FORGOT_ANSWER });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].to).toBe(email);
    const token = /set-password\/([A-Za-z0-9_-]{43})/.exec(sent[0].text)![1];
    expect(await passwordLinkState(token)).toMatchObject({ ok: true, purpose: "reset" });
    expect((await linksOf(userId)).filter((l) => !l.usedAt)).toHaveLength(1);
  });

  it("sends at most three letters to one address in 15 minutes", async () => {
    const { email } = await invite();
    process.env.SMTP_URL = "smtp://localhost:2525";
    process.env.SMTP_FROM = "noreply@example.ru";
    process.env.APP_URL = "https://nastavnik.example.ru";
    signInAs(null);
    for (let i = 0; i < 5; i++)
      expect(await requestPasswordResetAction({ email })).toMatchObject({ ok: true, message: FORGOT_ANSWER });
    await new Promise((r) => setTimeout(r, 50));
    expect(sent.filter((m) => m.to === email)).toHaveLength(3);
    // Counted in the database, so every app instance shares the limit.
    const [row] = await (
      await getDb()
    )
      .select({ hits: authLimits.hits })
      .from(authLimits)
      .where(eq(authLimits.key, `reset-email:${email}`));
    expect(row.hits).toBe(5);
  });

  it("asks for a well-formed address", async () => {
    expect(await requestPasswordResetAction({ email: "не адрес" })).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/полностью/)] },
    });
  });
});

describe("npm run admin:create", () => {
  it("creates the region when missing, the admin, and a link; refuses a taken e-mail", async () => {
    const db = await getDb();
    const regionName = `Новая область ${Date.now()}`;
    const email = mail();
    const r = await createAdmin(
      db,
      { email, name: "Первый Администратор", region: regionName },
      "https://n.example.ru",
    );
    expect(r).toMatchObject({ regionCreated: true, regionName });
    expect(r.link).toMatch(/^https:\/\/n\.example\.ru\/set-password\/[A-Za-z0-9_-]{43}$/);
    const [region] = await db.select().from(regions).where(eq(regions.name, regionName));
    const [admin] = await db.select().from(users).where(eq(users.email, email));
    expect(admin).toMatchObject({ role: "admin", regionId: region.id, passwordHash: null });
    expect(region.code).toMatch(/^[a-z0-9-]+$/);
    expect(await passwordLinkState(r.link.split("/").pop()!)).toMatchObject({ ok: true, email });

    const second = await createAdmin(
      db,
      { email: mail(), name: "Второй Администратор", region: regionName.toUpperCase() },
      "http://x",
    );
    expect(second.regionCreated).toBe(false);
    await expect(createAdmin(db, { email, name: "Повтор", region: regionName }, "http://x")).rejects.toThrow(
      /уже есть/,
    );
  });
});
