import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import type * as auditLib from "@/lib/audit";
import { redact } from "@/lib/audit";
import { systemOrg } from "@/lib/auth/scoped";
import { createTenant, type Tenant } from "./support/factories";

vi.mock("@/lib/audit", async (importOriginal) => {
  const original = await importOriginal<typeof auditLib>();
  return { ...original, audit: vi.fn(original.audit) };
});

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("audit");
});

describe("audit", () => {
  it("rolls the write back when its audit record cannot be written", async () => {
    const auditModule = await import("@/lib/audit");
    vi.mocked(auditModule.audit).mockRejectedValueOnce(new Error("audit storage unavailable"));
    const { updateOrganisationCard } = await import("@/lib/organisations/mutations");
    const db = await getDb();
    const [before] = await db.select().from(organisations).where(eq(organisations.id, t.orgId));
    await expect(
      updateOrganisationCard(t.users.curator, await systemOrg(db, t.orgId), {
        ...before,
        updatedAt: before.updatedAt.toISOString(),
        phone: "must not be saved",
      }),
    ).rejects.toThrow("audit storage unavailable");
    const [after] = await db.select().from(organisations).where(eq(organisations.id, t.orgId));
    expect(after.phone).toBe(before.phone);
  });

  it("records that personal fields changed, never their values", () => {
    expect(redact({ surname: ["Иванов", "Петров"], birthYear: [2010, 2011], stage: ["a", "b"] })).toEqual({
      surname: "(изменено)",
      birthYear: "(изменено)",
      stage: ["a", "b"],
    });
  });
});
