import { describe, expect, it } from "vitest";
import { TaggedCache } from "@/lib/cache/tagged";

describe("the in-process tagged cache", () => {
  it("keeps a value until one of its tags is dropped or it expires", async () => {
    let now = 0;
    const c = new TaggedCache(100, () => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await c.get("a", ["t1", "t2"], 10, load)).toBe(1);
    expect(await c.get("a", ["t1", "t2"], 10, load)).toBe(1);
    c.invalidate(["t2"]);
    expect(await c.get("a", ["t1", "t2"], 10, load)).toBe(2);
    now = 11_000;
    expect(await c.get("a", ["t1", "t2"], 10, load)).toBe(3);
    c.invalidate(["other"]);
    expect(await c.get("a", ["t1", "t2"], 10, load)).toBe(3);
    c.invalidate(["*"]);
    expect(await c.get("a", ["t1"], 10, load)).toBe(4);
  });

  it("loads once for callers at the same time, and keeps nothing loaded across an invalidation", async () => {
    const c = new TaggedCache();
    let release!: (v: string) => void;
    let loads = 0;
    const slow = () => {
      loads += 1;
      return new Promise<string>((r) => (release = r));
    };
    const [a, b] = [c.get("k", ["t"], 60, slow), c.get("k", ["t"], 60, slow)];
    c.invalidate(["t"]);
    release("old");
    expect(await a).toBe("old");
    expect(await b).toBe("old");
    expect(loads).toBe(1);
    // The old value read before the invalidation was not kept.
    expect(await c.get("k", ["t"], 60, async () => "new")).toBe("new");
  });

  it("stays within its size, dropping the least recently used", async () => {
    const c = new TaggedCache(3);
    for (const k of ["a", "b", "c"]) await c.get(k, ["t"], 60, async () => k);
    await c.get("a", ["t"], 60, async () => "x");
    await c.get("d", ["t"], 60, async () => "d");
    expect(c.size).toBe(3);
    expect(await c.get("b", ["t"], 60, async () => "reloaded")).toBe("reloaded");
    expect(await c.get("a", ["t"], 60, async () => "x2")).toBe("a");
  });
});
