/** The public data cache: dropped by tag on this instance at once and on every other through PostgreSQL. */
import postgres from "postgres";
import { describe, expect, it, vi } from "vitest";
import { cached, invalidateTags } from "@/lib/cache";
import { CACHE_CHANNEL, CLEAR_ALL_SQL } from "@/lib/cache/channel";

describe("the shared data cache", () => {
  it("keeps a value until its tag is dropped, and hands out JSON copies", async () => {
    let n = 0;
    const load = async () => ({ n: ++n, at: new Date(0) });
    const first = await cached(["t", "a"], ["tag:a"], 60, load);
    expect(first).toEqual({ n: 1, at: "1970-01-01T00:00:00.000Z" });
    expect((await cached(["t", "a"], ["tag:a"], 60, load)).n).toBe(1);
    await invalidateTags(["tag:a"]);
    expect((await cached(["t", "a"], ["tag:a"], 60, load)).n).toBe(2);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("several instances on one PostgreSQL", () => {
  it("tells the others which tags to drop", async () => {
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const heard: string[] = [];
    try {
      await other.listen(CACHE_CHANNEL, (payload) => heard.push(payload));
      await invalidateTags(["tag:told"]);
      await vi.waitFor(() => expect(heard.join()).toContain("tag:told"), { timeout: 1000 });
    } finally {
      await other.end();
    }
  });

  it("drops what another instance says changed, within a second", async () => {
    let n = 0;
    const load = async () => ++n;
    await cached(["t", "b"], ["tag:b"], 60, load);
    expect(await cached(["t", "b"], ["tag:b"], 60, load)).toBe(1);
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await other`select pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ from: "elsewhere", tags: ["tag:b"] })})`;
      await vi.waitFor(async () => expect(await cached(["t", "b"], ["tag:b"], 60, load)).toBe(2), {
        timeout: 1000,
      });
      // A restore clears everything.
      await other.unsafe(CLEAR_ALL_SQL);
      await vi.waitFor(async () => expect(await cached(["t", "b"], ["tag:b"], 60, load)).toBe(3), {
        timeout: 1000,
      });
    } finally {
      await other.end();
    }
  });
});
