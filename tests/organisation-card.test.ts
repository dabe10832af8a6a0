import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, organisations } from "@/db/schema";
import { updateOrganisationCardAction } from "@/lib/organisations/actions";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("card");
});

async function card(id: number) {
  const db = await getDb();
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id));
  return o;
}

function input(o: Awaited<ReturnType<typeof card>>, patch: Record<string, unknown> = {}) {
  return {
    id: o.id,
    updatedAt: o.updatedAt.toISOString(),
    fullName: o.fullName,
    shortName: o.shortName,
    address: "г. Тест, ул. Школьная, 1",
    directorName: "Петрова Анна Ивановна",
    phone: "+7 900 000-00-00",
    email: "school@test.ru",
    website: "",
    learners10to18: "320",
    teachingStaff: "41",
    youngTeachers: "6",
    curatorName: "Иванова Мария Петровна",
    curatorContact: "",
    ...patch,
  };
}

describe("updateOrganisationCardAction", () => {
  it("saves the curator's own card and audits the change", async () => {
    signInAs(t.users.curator);
    const before = await card(t.orgId);
    const result = await updateOrganisationCardAction(input(before));
    expect(result.ok).toBe(true);
    const after = await card(t.orgId);
    expect(after).toMatchObject({
      learners10to18: 320,
      teachingStaff: 41,
      curatorName: "Иванова Мария Петровна",
    });
    const db = await getDb();
    const [record] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "organisation"), eq(auditLog.entityId, String(t.orgId))));
    expect(record).toMatchObject({ action: "update", entity: "organisation", userId: t.users.curator.id });
    expect(record.changes).toMatchObject({ learners10to18: [300, 320] });
  });

  it("returns every field's message in Russian and writes nothing", async () => {
    signInAs(t.users.curator);
    const before = await card(t.orgId);
    const result = await updateOrganisationCardAction(
      input(before, { learners10to18: "-1", youngTeachers: "999", email: "не почта", fullName: "" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(
      ["email", "fullName", "learners10to18", "youngTeachers"].sort(),
    );
    expect(result.fieldErrors?.learners10to18?.[0]).toMatch(/отрицательным/);
    expect((await card(t.orgId)).updatedAt).toEqual(before.updatedAt);
  });

  it("refuses young teachers above the teaching staff", async () => {
    signInAs(t.users.curator);
    const result = await updateOrganisationCardAction(
      input(await card(t.orgId), { youngTeachers: "50", teachingStaff: "40" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { youngTeachers: [expect.stringMatching(/Молодых специалистов/)] },
    });
  });

  it("refuses a save over a newer version with a message and loses nothing", async () => {
    signInAs(t.users.curator);
    const stale = await card(t.orgId);
    expect((await updateOrganisationCardAction(input(stale, { phone: "1" }))).ok).toBe(true);
    const second = await updateOrganisationCardAction(input(stale, { phone: "2" }));
    expect(second).toMatchObject({ ok: false, formError: expect.stringMatching(/уже изменили/) });
    expect((await card(t.orgId)).phone).toBe("1");
  });

  it("gives a curator nothing of another organisation", async () => {
    signInAs(t.users.curator);
    const other = await card(t.siblingOrgId);
    const result = await updateOrganisationCardAction(input(other, { phone: "hacked" }));
    expect(result).toMatchObject({ ok: false, formError: "Организация не найдена или недоступна." });
    expect((await card(t.siblingOrgId)).phone).toBe("");
  });

  it("refuses coordinators, the ministry and anonymous callers", async () => {
    const o = await card(t.orgId);
    for (const user of [t.users.coordinator, t.users.ministry, null]) {
      signInAs(user);
      const result = await updateOrganisationCardAction(input(o, { phone: "x" }));
      expect(result.ok).toBe(false);
    }
    expect((await card(t.orgId)).phone).not.toBe("x");
  });
});
