/**
 * The store behind kept pages (lib/http/kept-pages.ts): what is kept, for how long, and what drops it. The server's
 * side (nonce, headers, sessions) is in tests/e2e/kept-pages.e2e.ts.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

let version = 1;
vi.mock("@/lib/cache", () => ({ cacheVersion: () => version }));

const { createKeptPages, KEPT_PATH, parseCookies } = await import("@/lib/http/kept-pages");

/** A key as lookup makes them: the user first. */
const k = (user: number, what: string | number) => JSON.stringify([user, 1, "ministry", what]);

describe("kept pages", () => {
  let now = 0;
  const pages = () => createKeptPages(() => now);
  beforeEach(() => {
    version = 1;
    now = 1_000_000;
  });

  it("keeps the indicator, chart and structure pages only, not the targets' form or other pages", () => {
    for (const path of ["/indicators", "/indicators/N1", "/indicators/3", "/indicators/structure"])
      expect(KEPT_PATH.test(path), path).toBe(true);
    for (const path of [
      "/indicators/targets",
      "/indicators/targets/x",
      "/home",
      "/indicators/N1/x",
      "/reports",
    ])
      expect(KEPT_PATH.test(path), path).toBe(false);
  });

  it("has nothing to look up for other pages or without a session cookie, and asks no database for it", async () => {
    const kept = pages();
    await expect(kept.lookup("/home", "authjs.session-token=x")).resolves.toBeNull();
    await expect(kept.lookup("/indicators/targets", "authjs.session-token=x")).resolves.toBeNull();
    await expect(kept.lookup("/indicators", undefined)).resolves.toBeNull();
    await expect(kept.lookup("/indicators", "authjs.session-token=forged")).resolves.toBeNull();
  });

  it("answers a copy until any data changes, and keeps none made while data changed", () => {
    const kept = pages();
    kept.put(k(1, "a"), 1, "<p>1</p>", { "content-type": "text/html" });
    expect(kept.get(k(1, "a"))?.body).toBe("<p>1</p>");
    version = 2;
    expect(kept.get(k(1, "a"))).toBeNull();
    kept.put(k(1, "b"), 1, "<p>rendered before the change</p>", {});
    expect(kept.get(k(1, "b"))).toBeNull();
  });

  it("lets a copy expire after five minutes", () => {
    const kept = pages();
    kept.put(k(1, "a"), 1, "<p>1</p>", {});
    now += 5 * 60_000;
    expect(kept.get(k(1, "a"))).not.toBeNull();
    now += 1;
    expect(kept.get(k(1, "a"))).toBeNull();
  });

  it("keeps at most 500 copies, the least recently used going first, and no huge page", () => {
    const kept = pages();
    for (let i = 0; i < 500; i++) kept.put(k(i, i), 1, `<p>${i}</p>`, {});
    expect(kept.get(k(0, 0))).not.toBeNull(); // used: now the most recent
    kept.put(k(500, 500), 1, "<p>500</p>", {});
    expect(kept.get(k(0, 0))).not.toBeNull();
    expect(kept.get(k(1, 1))).toBeNull();
    expect(kept.get(k(500, 500))).not.toBeNull();
    kept.put(k(7, "huge"), 1, "x".repeat(5 * 1024 * 1024), {});
    expect(kept.get(k(7, "huge"))).toBeNull();
  });

  it("keeps at most 20 copies of one user: many addresses of one user push out only their own", () => {
    const kept = pages();
    kept.put(k(2, "other"), 1, "<p>another user's</p>", {});
    for (let i = 0; i < 30; i++) kept.put(k(1, `/indicators?junk=${i}`), 1, `<p>${i}</p>`, {});
    expect(kept.get(k(2, "other"))).not.toBeNull();
    expect(kept.get(k(1, "/indicators?junk=9"))).toBeNull();
    for (let i = 10; i < 30; i++) expect(kept.get(k(1, `/indicators?junk=${i}`)), String(i)).not.toBeNull();
  });

  it("reads cookies as Next.js does, and none at all when a name comes twice (a planted session cookie)", () => {
    expect(parseCookies("a=1; b=x%20y")).toEqual(
      new Map([
        ["a", "1"],
        ["b", "x y"],
      ]),
    );
    expect(parseCookies("authjs.session-token=mine; authjs.session-token=planted")).toBeNull();
    expect(parseCookies(undefined)).toEqual(new Map());
  });
});
