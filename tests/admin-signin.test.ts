/** Sign-in hardening: the sixth failure within 15 minutes is refused, and the right password waits out the block. */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { authLimits } from "@/db/schema";
import { checkCredentials, SIGN_IN_LIMITS } from "@/lib/auth/credentials";
import { createTenant, TEST_PASSWORD, type Tenant } from "./support/factories";

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("adm-signin");
});
afterAll(async () => {
  await (await getDb()).delete(authLimits);
});

/** Ends the current window of a limit key, as if 15 minutes had passed. */
async function endWindow(key: string) {
  await (
    await getDb()
  )
    .update(authLimits)
    .set({ resetAt: sql`now() - interval '1 second'` })
    .where(eq(authLimits.key, key));
}

describe("sign-in limits", () => {
  it("refuses the sixth attempt in 15 minutes; the right password passes once the block is over", async () => {
    const email = t.users.coordinator.email;
    const ip = "10.77.0.1";
    for (let i = 0; i < 5; i++)
      expect(await checkCredentials(email, `wrong-${i}`, ip)).toEqual({ ok: false, code: "invalid" });
    const sixth = await checkCredentials(email, "wrong-6", ip);
    expect(sixth).toMatchObject({ ok: false, code: "throttled" });
    // The right password during the block is refused too, and the wait is what is left of the window.
    const right = await checkCredentials(email, TEST_PASSWORD, ip);
    expect(right).toMatchObject({ ok: false, code: "throttled" });
    const wait = right.ok || right.code !== "throttled" ? 0 : right.waitSeconds;
    expect(wait).toBeGreaterThan(SIGN_IN_LIMITS.windowMinutes * 60 - 10);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMinutes * 60);
    // From another address the e-mail is still blocked (no password guessing by rotating addresses).
    expect(await checkCredentials(email, TEST_PASSWORD, "10.77.0.2")).toMatchObject({ code: "throttled" });

    await endWindow(`account:${email}`);
    expect((await checkCredentials(email, TEST_PASSWORD, ip)).ok).toBe(true);
    // A success clears the failures: a later mistake is not punished for the earlier ones.
    expect(await checkCredentials(email, "wrong-again", ip)).toEqual({ ok: false, code: "invalid" });
  });

  it("blocks an address that tries many e-mails, and only that address", async () => {
    const ip = "10.77.1.1";
    for (let i = 0; i < SIGN_IN_LIMITS.address; i++)
      expect(await checkCredentials(`nobody-${i}-${Date.now()}@test.local`, "x", ip)).toEqual({
        ok: false,
        code: "invalid",
      });
    expect(await checkCredentials(t.users.ministry.email, TEST_PASSWORD, ip)).toMatchObject({
      code: "throttled",
    });
    expect((await checkCredentials(t.users.ministry.email, TEST_PASSWORD, "10.77.1.2")).ok).toBe(true);
  });

  it("a success gives the address its attempt back: a school behind one address is not locked out by its users", async () => {
    const ip = "10.77.2.1";
    for (let i = 0; i < SIGN_IN_LIMITS.address + 5; i++)
      expect((await checkCredentials(t.users.admin.email, TEST_PASSWORD, ip)).ok).toBe(true);
  });
});
