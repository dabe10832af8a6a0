/** Start-up of several instances on one database, and the embedded database's files. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";

function walk(dir: string): { path: string; mode: number; dir: boolean }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    const mode = fs.statSync(p).mode & 0o777;
    return e.isDirectory() ? [{ path: p, mode, dir: true }, ...walk(p)] : [{ path: p, mode, dir: false }];
  });
}

describe("the embedded database's files", () => {
  it("are private to the user that runs it: folders 0700, files 0600", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nastavnik-private-"));
    const handle = await openDb({ dataDir: dir });
    try {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      const shared = walk(dir).filter((f) => (f.mode & 0o077) !== 0);
      expect(shared.map((f) => `${f.path} ${f.mode.toString(8)}`)).toEqual([]);
      expect(walk(dir).length).toBeGreaterThan(100);
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("several instances starting on one PostgreSQL", () => {
  it("migrate and boot one at a time", async () => {
    const url = process.env.DATABASE_URL!;
    const [a, b] = await Promise.all([openDb({ url }), openDb({ url })]);
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, 200));
      log.push(`${name}:end`);
    };
    try {
      await Promise.all([a.exclusive(step("a")), b.exclusive(step("b"))]);
      expect(
        [log.slice(0, 2), log.slice(2)].map((pair) => pair[0].split(":")[0] === pair[1].split(":")[0]),
      ).toEqual([true, true]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
