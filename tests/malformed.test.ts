/**
 * Property test over every exported server action: ≥ 1 000 generated malformed inputs each, as the most
 * privileged user. Expect no server error, no write (every write leaves an audit record) and a Russian message.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import type { ActionResult } from "@/lib/actions/result";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined }),
}));

const RUNS = 1000;
/** Actions with no input to malform. */
const NO_INPUT = new Set(["signOutAction"]);
const GENERIC = /внутренней ошибки/;

const modules = import.meta.glob<Record<string, unknown>>(["../lib/**/actions.ts", "../app/**/actions.ts"]);

function actionFiles() {
  return Object.keys(modules).filter((p) =>
    /^["']use server["']/.test(fs.readFileSync(path.resolve(__dirname, p), "utf8").trimStart()),
  );
}

const scalar = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    -1,
    0,
    1e12,
    Number.NaN,
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "2024-13-45",
    "32.13.2024",
    "'; drop table persons; --",
    "<script>alert(1)</script>",
    "x".repeat(5000),
    // Ids beyond PostgreSQL's integer, and values z.coerce would have read as ids.
    2147483648,
    2 ** 53,
    "2147483648",
    "99999999999999999999",
    "1e3",
    [7],
  ),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie("v"), { maxKeys: 4 }),
  ),
})).v;
const FIELDS = [
  "id",
  "organisationId",
  "updatedAt",
  "title",
  "surname",
  "name",
  "format",
  "category",
  "birthYear",
  "date",
  "startDate",
  "entryDate",
  "mentorId",
  "menteeIds",
  "programmeId",
  "archived",
  "email",
  "password",
  "kind",
  "file",
  "type",
  "number",
];
/** Objects with the field names real actions use, holding wrong values. */
const nearMiss = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 });
const formData = fc
  .array(fc.tuple(fc.constantFrom(...FIELDS), fc.string({ maxLength: 30 })), { maxLength: 8 })
  .map((entries) => {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    return fd;
  });
const malformed = fc.oneof(value, nearMiss, formData);

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("fuzz");
});

/** Audit rows written by the fuzzing user: other suites may write to a shared database meanwhile. */
async function auditCount() {
  const db = await getDb();
  const [{ n }] = await execRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log where user_id = ${t.users.admin.id}`,
  );
  return Number(n);
}

describe("malformed input to every server action", () => {
  it("finds the server actions", () => {
    expect(actionFiles().length).toBeGreaterThan(0);
  });

  for (const file of actionFiles()) {
    it(`${file}: ${RUNS} malformed inputs per action give a Russian message and write nothing`, async () => {
      const mod = await modules[file]();
      for (const [name, action] of Object.entries(mod)) {
        if (typeof action !== "function" || NO_INPUT.has(name)) continue;
        signInAs(t.users.admin);
        const before = await auditCount();
        await fc.assert(
          fc.asyncProperty(malformed, async (input) => {
            const result = (await (action as (i: unknown) => Promise<ActionResult<unknown>>)(
              input,
            )) as ActionResult<unknown>;
            expect(result.ok, `${name} accepted ${JSON.stringify(input)?.slice(0, 200)}`).toBe(false);
            if (result.ok) return;
            expect(result.formError ?? "").toMatch(/[а-яё]/i);
            expect(result.formError ?? "").not.toMatch(GENERIC);
            // Each field's message is Russian too: never zod's «Invalid input» or «Expected number».
            for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
              for (const message of messages)
                expect(message, `${name}: ${field} for ${JSON.stringify(input)?.slice(0, 200)}`).toMatch(
                  /^[^a-z]*[а-яё]/i,
                );
          }),
          { numRuns: RUNS, seed: 20261122 },
        );
        expect(await auditCount(), `${name} wrote something`).toBe(before);
      }
    });
  }
});
