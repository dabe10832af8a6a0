/**
 * The authorisation matrix: every exported server action × every role × own scope, a sibling scope and
 * another region. Rows live in tests/authz/<feature>.ts; a new action without a row fails the suite.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import type { Actor, MatrixRow, Target } from "./authz/types";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const rowModules = import.meta.glob<{ rows: Record<string, MatrixRow> }>("./authz/*.ts", { eager: true });
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

describe("authorisation matrix", () => {
  it("has a row for every exported server action", () => {
    const missing = serverActionNames().filter((n) => !(n in MATRIX));
    expect(missing, `actions without a row in the matrix: ${missing.join(", ")}`).toEqual([]);
  });

  const actors: Actor[] = ["curator", "coordinator", "ministry", "admin"];
  const targets: Target[] = ["own", "sibling", "otherRegion"];
  for (const [name, row] of Object.entries(MATRIX)) {
    if (row.public) continue;
    for (const actor of actors) {
      for (const target of targets) {
        const expected = target === "own" && row.allowed!.includes(actor);
        it(`${name}: ${actor} on ${target} scope is ${expected ? "allowed" : "refused"}`, async () => {
          signInAs(t.users[actor] as SessionUser);
          const result = await row.attempt!({ t, other, actor, target });
          expect(result.ok, JSON.stringify(result)).toBe(expected);
        });
      }
    }
    it(`${name}: an anonymous caller is refused`, async () => {
      signInAs(null);
      const result = await row.attempt!({ t, other, actor: "admin", target: "own" });
      expect(result).toMatchObject({ ok: false, formError: "Сеанс завершён. Войдите снова." });
    });
  }
});
