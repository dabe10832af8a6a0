/**
 * The two regional sign-in actions with bad input: a Russian message, nothing written (their authorisation rows are
 * in tests/authz/sso.ts; tests/malformed.test.ts fuzzes them too).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { unbindSsoAction } = await import("@/lib/admin/users/actions");
const { ssoSignInAction } = await import("@/lib/auth/actions");

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("sso-actions");
});

describe("regional sign-in actions with bad input", () => {
  it("unbindSsoAction: an id that is no id is refused in Russian and writes no audit record", async () => {
    signInAs(t.users.admin);
    const db = await getDb();
    const before = (await db.select().from(auditLog).where(eq(auditLog.userId, t.users.admin.id))).length;
    for (const userId of ["abc", -1, 1.5, null, "1e3"]) {
      const result = await unbindSsoAction({ userId } as never);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).toMatch(/[а-яё]/i);
    }
    expect((await db.select().from(auditLog).where(eq(auditLog.userId, t.users.admin.id))).length).toBe(
      before,
    );
  });

  it("ssoSignInAction: without OIDC settings it says so in Russian", async () => {
    const result = await ssoSignInAction({ callbackUrl: "/home" } as never);
    expect(result).toEqual({
      ok: false,
      formError: "Вход через региональную учётную запись в этой системе не настроен.",
    });
  });
});
