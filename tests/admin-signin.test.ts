/** Sign-in hardening: the sixth failure within a minute is refused, and the right password waits out the block. */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkCredentials, signInWaitSeconds } from "@/lib/auth/credentials";
import { Throttle } from "@/lib/auth/throttle";
import { createTenant, TEST_PASSWORD, type Tenant } from "./support/factories";

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("adm-signin");
});
afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in throttle", () => {
  it("refuses the sixth failed attempt in a minute; the right password passes once the block is over", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-03-02T09:00:00Z");
    vi.setSystemTime(start);
    const email = t.users.coordinator.email;
    const ip = "10.77.0.1";
    for (let i = 0; i < 5; i++) {
      vi.setSystemTime(new Date(start.getTime() + i * 5_000));
      expect(await checkCredentials(email, `wrong-${i}`, ip)).toEqual({ ok: false, code: "invalid" });
    }
    vi.setSystemTime(new Date(start.getTime() + 30_000));
    expect(await checkCredentials(email, "wrong-6", ip)).toEqual({ ok: false, code: "throttled" });
    // The right password during the block is refused too, and the message names the wait.
    expect(await checkCredentials(email, TEST_PASSWORD, ip)).toEqual({ ok: false, code: "throttled" });
    expect(signInWaitSeconds(email, ip)).toBe(30);
    // From another address the e-mail is still blocked (no password guessing by rotating addresses).
    expect(await checkCredentials(email, TEST_PASSWORD, "10.77.0.2")).toEqual({
      ok: false,
      code: "throttled",
    });

    vi.setSystemTime(new Date(start.getTime() + 60_001));
    const result = await checkCredentials(email, TEST_PASSWORD, ip);
    expect(result.ok).toBe(true);
    // A success clears the failures: a later mistake is not punished for the earlier ones.
    expect(await checkCredentials(email, "wrong-again", ip)).toEqual({ ok: false, code: "invalid" });
  });

  it("blocks an address that tries many e-mails", async () => {
    const ip = "10.77.1.1";
    for (let i = 0; i < 5; i++)
      expect(await checkCredentials(`nobody-${i}-${Date.now()}@test.local`, "x", ip)).toEqual({
        ok: false,
        code: "invalid",
      });
    expect(await checkCredentials(t.users.ministry.email, TEST_PASSWORD, ip)).toEqual({
      ok: false,
      code: "throttled",
    });
  });

  it("counts a sliding window (pure)", () => {
    const th = new Throttle(5, 60_000);
    for (let i = 0; i < 5; i++) th.fail(["k"], i * 1000);
    expect(th.waitFor(["k"], 5_000)).toBe(55_000);
    expect(th.waitFor(["k"], 60_000)).toBe(0);
  });
});
