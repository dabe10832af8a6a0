/**
 * The authorisation matrix of server actions: every exported action × every role × own scope, a sibling scope
 * and another region, and an anonymous caller. A refusal must give its reason and leave the database as it
 * was. Rows live in tests/authz/<feature>.ts; a new action without a row fails the suite.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { casesOf, expectMessage, expectNothingWritten } from "./authz/expect";
import { ACTORS, type MatrixRow, type Outcome } from "./authz/types";
import { watch } from "./support/db-fingerprint";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const rowModules = import.meta.glob<{ rows?: Record<string, MatrixRow> }>(
  ["./authz/*.ts", "!./authz/routes-*.ts"],
  { eager: true },
);
const MATRIX: Record<string, MatrixRow> = Object.assign(
  {},
  ...Object.values(rowModules).map((m) => m.rows ?? {}),
);

function serverActionNames(): string[] {
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const src = fs.readFileSync(p, "utf8");
        if (!/^["']use server["']/.test(src.trimStart())) continue;
        for (const m of src.matchAll(/export (?:async function|const) ([A-Za-z0-9_]+)/g)) names.push(m[1]);
      }
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(path.join(process.cwd(), dir));
  return names;
}

let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  t = await createTenant("mx");
  other = await createTenant("mx-other");
});

function expectOutcome(result: ActionResult<unknown>, expected: Outcome) {
  const shown = JSON.stringify(result);
  if (expected === "ok") return expect(result, shown).toMatchObject({ ok: true });
  expect(result.ok ? { ok: true } : { ok: false, code: result.code }, shown).toEqual({
    ok: false,
    code: expected,
  });
  if (!result.ok) expectMessage(expected, result.formError, shown);
}

describe("authorisation matrix: server actions", () => {
  it("has a row for every exported server action, and none for an action that is gone", () => {
    const names = serverActionNames();
    const missing = names.filter((n) => !(n in MATRIX));
    expect(missing, `actions without a row in the matrix: ${missing.join(", ")}`).toEqual([]);
    expect(Object.keys(MATRIX).filter((n) => !names.includes(n))).toEqual([]);
  });

  for (const [name, row] of Object.entries(MATRIX)) {
    if (row.public !== undefined) continue;
    for (const { actor, target, expected } of casesOf(row, ACTORS)) {
      it(`${name}: ${actor} on ${target} → ${expected}`, async () => {
        signInAs(t.users[actor]);
        const w = watch(expected !== "ok", async (r: ActionResult<unknown>) => r);
        const result = await row.attempt({ t, other, actor, target, act: w.act });
        expect(w.calls, "the attempt calls the action once, through ctx.act").toBe(1);
        expectOutcome(result, expected);
        if (expected !== "ok") expectNothingWritten(w);
      });
    }
    it(`${name}: anonymous → signed_out`, async () => {
      signInAs(null);
      const w = watch(true, async (r: ActionResult<unknown>) => r);
      const result = await row.attempt({ t, other, actor: "admin", target: "own", act: w.act });
      expectOutcome(result, "signed_out");
      expectNothingWritten(w);
    });
  }
});
