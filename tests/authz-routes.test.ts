/**
 * The authorisation matrix of route handlers: every exported GET/POST/PUT/PATCH/DELETE of app/**\/route.ts ×
 * every role × own scope, a sibling scope and another region, and an anonymous caller. A refusal answers its
 * status with a Russian JSON `error`, changes no row and writes no audit record. Rows: tests/authz/routes-*.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { casesOf, expectMessage, expectNothingWritten } from "./authz/expect";
import { readAnswer, type Answer, type GuardedRoute, type RouteRow } from "./authz/http";
import { ACTORS, type Outcome } from "./authz/types";
import { watch } from "./support/db-fingerprint";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const rowModules = import.meta.glob<{ routes?: Record<string, RouteRow> }>("./authz/routes-*.ts", {
  eager: true,
});
const ROUTES: Record<string, RouteRow> = Object.assign(
  {},
  ...Object.values(rowModules).map((m) => m.routes ?? {}),
);

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** "METHOD /path" of every handler a route file exports (route groups are not part of the path). */
function routeHandlers(): string[] {
  const app = path.join(process.cwd(), "app");
  const keys: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const segments = path.relative(app, dir).split(path.sep);
        const url = `/${segments.filter((s) => s && !/^\(.+\)$/.test(s)).join("/")}`;
        const src = fs.readFileSync(p, "utf8");
        const names = [
          ...[...src.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b/g)].map((m) => m[1]),
          ...[...src.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g)].flatMap((m) =>
            m[1].split(",").map(
              (n) =>
                n
                  .trim()
                  .split(/\s*:\s*|\s+as\s+/)
                  .pop() ?? "",
            ),
          ),
        ];
        for (const name of names) if (METHODS.has(name)) keys.push(`${name} ${url}`);
      }
    }
  };
  walk(app);
  return keys;
}

const STATUS: Record<Outcome, number> = {
  ok: 200,
  signed_out: 401,
  forbidden: 403,
  not_found: 404,
  refused: 400,
  conflict: 409,
};

let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  t = await createTenant("rx");
  other = await createTenant("rx-other");
});

function expectAnswer(row: GuardedRoute, answer: Answer, expected: Outcome) {
  const shown = `${answer.status} ${answer.type}: ${answer.text().slice(0, 200)}`;
  expect(answer.status, shown).toBe(STATUS[expected]);
  if (expected === "ok") return row.succeeded?.(answer);
  expect(answer.type, `a refusal is JSON: ${shown}`).toMatch(/^application\/json/);
  expectMessage(expected, answer.error, shown);
}

describe("authorisation matrix: route handlers", () => {
  it("has a row for every exported route handler, and none for a handler that is gone", () => {
    const keys = routeHandlers();
    const missing = keys.filter((k) => !(k in ROUTES));
    expect(missing, `route handlers without a row in the matrix: ${missing.join(", ")}`).toEqual([]);
    expect(Object.keys(ROUTES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  for (const [key, row] of Object.entries(ROUTES)) {
    if (row.public !== undefined) continue;
    for (const { actor, target, expected } of casesOf(row, ACTORS)) {
      it(`${key}: ${actor} on ${target} → ${STATUS[expected]}`, async () => {
        signInAs(t.users[actor]);
        const w = watch(expected !== "ok" || row.audited === true, readAnswer);
        const answer = await row.attempt({ t, other, actor, target, act: w.act });
        expect(w.calls, "the attempt calls the handler once, through ctx.act").toBe(1);
        expectAnswer(row, answer, expected);
        if (expected !== "ok") expectNothingWritten(w);
        else if (row.audited) expect(w.auditRecords, "audit records of a success").toBe(1);
      });
    }
    it(`${key}: anonymous → ${STATUS[row.anonymous ?? "signed_out"]}`, async () => {
      signInAs(null);
      const w = watch(true, readAnswer);
      const answer = await row.attempt({ t, other, actor: "admin", target: "own", act: w.act });
      expectAnswer(row, answer, row.anonymous ?? "signed_out");
      expectNothingWritten(w);
    });
  }
});
