import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, authLimits, authSessions, users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { createTenant, TEST_PASSWORD, type Tenant } from "./support/factories";

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("signin");
});
afterAll(async () => {
  await (await getDb()).delete(authLimits);
});

describe("sign-in", () => {
  it("accepts the right password, any case of e-mail, audits it and starts a session", async () => {
    const result = await checkCredentials(t.users.curator.email.toUpperCase(), TEST_PASSWORD, "10.0.0.1");
    expect(result.ok).toBe(true);
    const db = await getDb();
    const sessions = await db.select().from(authSessions).where(eq(authSessions.userId, t.users.curator.id));
    expect(sessions.map((s) => s.id)).toEqual([result.ok && result.sessionId]);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, t.users.curator.id), eq(auditLog.action, "sign_in")));
    expect(rows).toHaveLength(1);
  });

  it("answers a wrong password and an unknown e-mail alike", async () => {
    const wrong = await checkCredentials(t.users.coordinator.email, "nope", "10.0.0.2");
    const unknown = await checkCredentials(`nobody-${Date.now()}@test.local`, "nope", "10.0.0.3");
    expect(wrong).toEqual({ ok: false, code: "invalid" });
    expect(unknown).toEqual({ ok: false, code: "invalid" });
  });

  it("refuses a deactivated account even with the right password", async () => {
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, t.users.siblingCurator.id));
    expect(await checkCredentials(t.users.siblingCurator.email, TEST_PASSWORD, "10.0.0.4")).toEqual({
      ok: false,
      code: "invalid",
    });
  });

  it("blocks the sixth attempt within 15 minutes, even with the right password from another address", async () => {
    const email = t.users.ministry.email;
    for (let i = 0; i < 5; i++)
      expect(await checkCredentials(email, "wrong", `10.1.0.${i}`)).toEqual({ ok: false, code: "invalid" });
    expect(await checkCredentials(email, TEST_PASSWORD, "10.1.0.9")).toEqual({
      ok: false,
      code: "throttled",
      waitSeconds: expect.any(Number),
    });
  });
});

describe("signInAction", () => {
  it("names every bad field in Russian before any credentials are checked", async () => {
    const { signInAction } = await import("@/lib/auth/actions");
    const result = await signInAction({ email: "не почта", password: "" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/полностью/)], password: ["Введите пароль."] },
    });
  });
});
