/**
 * Sign-in limits kept in PostgreSQL, through the real Auth.js credentials endpoint and the sign-in action:
 * counted before the password is checked, per account and per client address, with bounded keys and rows.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { authLimits } from "@/db/schema";
import { clientAddress, parseTrustedProxies, PEER_HEADER, PEER_HEADER_SET } from "@/lib/auth/client-address";
import { refusalMessage } from "@/lib/auth/messages";
import { postSignIn } from "./support/auth-endpoint";
import { createTenant, TEST_PASSWORD, type Tenant } from "./support/factories";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ set: () => {} }),
}));
const { signInAction } = await import("@/lib/auth/actions");

const peerFlag = globalThis as { [PEER_HEADER_SET]?: boolean };
let t: Tenant;

async function clearLimits() {
  await (await getDb()).delete(authLimits);
}

async function limitRows() {
  return (await getDb()).select().from(authLimits);
}

const nobody = (i: number | string) => `nobody-${i}-${Math.random().toString(36).slice(2)}@test.local`;

beforeAll(async () => {
  t = await createTenant("limits");
});
beforeEach(clearLimits);
afterEach(() => {
  delete peerFlag[PEER_HEADER_SET];
  delete process.env.TRUSTED_PROXIES;
  vi.restoreAllMocks();
});
afterAll(clearLimits);

describe("per account", () => {
  it("refuses the sixth attempt after five failures, even with the right password, in Russian with the wait", async () => {
    const email = t.users.curator.email;
    for (let i = 0; i < 5; i++) expect((await postSignIn(email, `wrong-${i}`)).code).toBe("invalid");
    const sixth = await postSignIn(email, TEST_PASSWORD);
    expect(sixth.cookie).toBeNull();
    expect(sixth.code).toMatch(/^throttled-\d+$/);
    expect(refusalMessage(sixth.code)).toBe(
      "Слишком много неудачных попыток входа. Подождите 15 мин и попробуйте снова.",
    );
    // The sign-in form's action goes through the same limit and says the same.
    request.headers = new Headers({ host: "localhost:3000" });
    expect(await signInAction({ email, password: TEST_PASSWORD })).toEqual({
      ok: false,
      formError: "Слишком много неудачных попыток входа. Подождите 15 мин и попробуйте снова.",
    });
  });

  it("counts parallel guesses before checking them: 20 at once, then the right password is refused", async () => {
    const email = t.users.coordinator.email;
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => postSignIn(email, `guess-${i}`)));
    expect(guesses.filter((g) => g.code === "invalid")).toHaveLength(5);
    expect(guesses.every((g) => g.cookie === null)).toBe(true);
    const right = await postSignIn(email, TEST_PASSWORD);
    expect(right.cookie).toBeNull();
    expect(right.code).toMatch(/^throttled-/);
  });

  it("another account still signs in while one is locked; a success starts the account afresh", async () => {
    for (let i = 0; i < 6; i++) await postSignIn(t.users.ministry.email, "wrong");
    expect((await postSignIn(t.users.ministry.email, TEST_PASSWORD)).code).toMatch(/^throttled-/);
    const other = await postSignIn(t.users.admin.email, TEST_PASSWORD);
    expect(other.cookie).not.toBeNull();

    for (let i = 0; i < 4; i++) await postSignIn(t.users.siblingCoordinator.email, "wrong");
    expect((await postSignIn(t.users.siblingCoordinator.email, TEST_PASSWORD)).cookie).not.toBeNull();
    for (let i = 0; i < 5; i++)
      expect((await postSignIn(t.users.siblingCoordinator.email, "wrong")).code).toBe("invalid");
  });

  it("lets the account in again once its window is over", async () => {
    const email = t.users.siblingCurator.email;
    for (let i = 0; i < 6; i++) await postSignIn(email, "wrong");
    expect((await postSignIn(email, TEST_PASSWORD)).code).toMatch(/^throttled-/);
    const db = await getDb();
    await db
      .update(authLimits)
      .set({ resetAt: sql`now() - interval '1 second'` })
      .where(eq(authLimits.key, `account:${email}`));
    expect((await postSignIn(email, TEST_PASSWORD)).cookie).not.toBeNull();
  });
});

describe("per client address", () => {
  it("a new X-Forwarded-For per attempt does not help without TRUSTED_PROXIES", async () => {
    peerFlag[PEER_HEADER_SET] = true;
    for (let i = 0; i < 30; i++) {
      const answer = await postSignIn(nobody(i), "x", {
        [PEER_HEADER]: "192.0.2.10",
        "x-forwarded-for": `203.0.113.${i}`,
      });
      expect(answer.code).toBe("invalid");
    }
    const blocked = await postSignIn(t.users.curator.email, TEST_PASSWORD, {
      [PEER_HEADER]: "192.0.2.10",
      "x-forwarded-for": "203.0.113.200",
    });
    expect(blocked.code).toMatch(/^throttled-/);
    // Another client (another socket address) is not affected.
    const other = await postSignIn(t.users.curator.email, TEST_PASSWORD, { [PEER_HEADER]: "192.0.2.11" });
    expect(other.cookie).not.toBeNull();
  });

  it("a client cannot set the internal address header itself when the server does not fill it", async () => {
    for (let i = 0; i < 30; i++)
      await postSignIn(nobody(i), "x", {
        [PEER_HEADER]: `198.51.100.${i}`,
        "x-forwarded-for": `10.0.0.${i}`,
      });
    expect(
      (await postSignIn(t.users.curator.email, TEST_PASSWORD, { [PEER_HEADER]: "198.51.100.99" })).code,
    ).toMatch(/^throttled-/);
    expect((await limitRows()).filter((r) => r.key.startsWith("address:")).map((r) => r.key)).toEqual([
      "address:unknown",
    ]);
  });

  it("honours X-Forwarded-For when TRUSTED_PROXIES names the proxy", async () => {
    peerFlag[PEER_HEADER_SET] = true;
    process.env.TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8";
    const viaProxy = (client: string) => ({ [PEER_HEADER]: "::ffff:127.0.0.1", "x-forwarded-for": client });
    for (let i = 0; i < 30; i++) await postSignIn(nobody(i), "x", viaProxy("203.0.113.7"));
    expect((await postSignIn(t.users.curator.email, TEST_PASSWORD, viaProxy("203.0.113.7"))).code).toMatch(
      /^throttled-/,
    );
    // Other clients behind the same proxy sign in; a client's own forged hop on the left is not believed.
    const other = await postSignIn(
      t.users.curator.email,
      TEST_PASSWORD,
      viaProxy("198.51.100.1, 203.0.113.8"),
    );
    expect(other.cookie).not.toBeNull();
    const forged = await postSignIn(
      t.users.curator.email,
      TEST_PASSWORD,
      viaProxy("198.51.100.2, 203.0.113.7"),
    );
    expect(forged.code).toMatch(/^throttled-/);
    const keys = (await limitRows()).map((r) => r.key);
    expect(keys).toContain("address:203.0.113.7");
    expect(keys).not.toContain("address:127.0.0.1");
  });
});

describe("bounded keys and rows", () => {
  it("refuses an e-mail of 5 000 characters with the usual message and stores nothing", async () => {
    const long = `${"a".repeat(4990)}@test.local`;
    expect(await postSignIn(long, "x")).toEqual({ cookie: null, code: "invalid" });
    expect(refusalMessage("invalid")).toBe("Неверный адрес электронной почты или пароль.");
    request.headers = new Headers({ host: "localhost:3000" });
    expect(await signInAction({ email: long, password: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["Адрес электронной почты слишком длинный."] },
    });
    expect(await limitRows()).toEqual([]);
  });

  it("deletes expired rows while counting attempts", async () => {
    const db = await getDb();
    await db.insert(authLimits).values(
      Array.from({ length: 50 }, (_, i) => ({
        key: `account:old-${i}@test.local`,
        hits: 3,
        resetAt: sql`now() - interval '1 minute'`,
      })),
    );
    vi.spyOn(Math, "random").mockReturnValue(0);
    await postSignIn(nobody("fresh"), "x");
    const keys = (await limitRows()).map((r) => r.key);
    expect(keys.some((k) => k.startsWith("account:old-"))).toBe(false);
    expect(keys).toHaveLength(2);
  });
});

describe("client address (pure)", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, ::1, 192.0.2.5");
  const at = (peer: string, xff?: string) =>
    clientAddress(new Headers({ [PEER_HEADER]: peer, ...(xff ? { "x-forwarded-for": xff } : {}) }), {
      trusted,
      peerHeaderSet: true,
    });

  it("takes the socket's address from an untrusted peer, whatever X-Forwarded-For says", () => {
    expect(at("::ffff:203.0.113.1", "1.2.3.4")).toBe("203.0.113.1");
    expect(at("2001:db8::1", "1.2.3.4")).toBe("2001:db8::1");
  });

  it("walks X-Forwarded-For from the right through trusted proxies only", () => {
    expect(at("192.0.2.5", "198.51.100.7, 203.0.113.9, 10.1.2.3")).toBe("203.0.113.9");
    expect(at("::1", "203.0.113.9")).toBe("203.0.113.9");
    expect(at("192.0.2.5", "10.0.0.1, 10.0.0.2")).toBe("10.0.0.1");
    expect(at("192.0.2.5", "garbage, 203.0.113.9")).toBe("203.0.113.9");
    expect(at("192.0.2.5", "203.0.113.9, garbage")).toBe("192.0.2.5");
    expect(at("192.0.2.5")).toBe("192.0.2.5");
  });

  it("knows no address when the server did not set its header", () => {
    const headers = new Headers({ [PEER_HEADER]: "203.0.113.1", "x-forwarded-for": "1.2.3.4" });
    expect(clientAddress(headers, { trusted, peerHeaderSet: false })).toBe("unknown");
    expect(clientAddress(new Headers(), { trusted, peerHeaderSet: true })).toBe("unknown");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or a network", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("nginx")).toThrow(/«nginx»/);
    expect(() => parseTrustedProxies(" , ")).not.toThrow();
  });
});
