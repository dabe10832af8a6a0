/**
 * The store behind kept pages (lib/http/kept-pages.ts): what is kept, for how long, and what drops it. The server's
 * side (nonce, headers, sessions) is in tests/e2e/kept-pages.e2e.ts.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

let version = 1;
vi.mock("@/lib/cache", () => ({ cacheVersion: () => version }));

const { createKeptPages, KEPT_PATH } = await import("@/lib/http/kept-pages");

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
    kept.put("a", 1, "<p>1</p>", { "content-type": "text/html" });
    expect(kept.get("a")?.body).toBe("<p>1</p>");
    version = 2;
    expect(kept.get("a")).toBeNull();
    kept.put("b", 1, "<p>rendered before the change</p>", {});
    expect(kept.get("b")).toBeNull();
  });

  it("lets a copy expire after five minutes", () => {
    const kept = pages();
    kept.put("a", 1, "<p>1</p>", {});
    now += 5 * 60_000;
    expect(kept.get("a")).not.toBeNull();
    now += 1;
    expect(kept.get("a")).toBeNull();
  });

  it("keeps at most 500 copies, the least recently used going first, and no huge page", () => {
    const kept = pages();
    for (let i = 0; i < 500; i++) kept.put(`k${i}`, 1, `<p>${i}</p>`, {});
    expect(kept.get("k0")).not.toBeNull(); // used: now the most recent
    kept.put("k500", 1, "<p>500</p>", {});
    expect(kept.get("k0")).not.toBeNull();
    expect(kept.get("k1")).toBeNull();
    expect(kept.get("k500")).not.toBeNull();
    kept.put("huge", 1, "x".repeat(5 * 1024 * 1024), {});
    expect(kept.get("huge")).toBeNull();
  });
});
