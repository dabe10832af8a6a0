/**
 * The registers' optimistic lock on the admin's other forms: the plan values (targets) of the region and of a
 * municipality, and a municipality's name. Two people edit at once: the second save is refused with the one
 * conflict message and changes nothing. (Periods: tests/admin-periods.test.ts; reports: tests/reports.test.ts.)
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { municipalities, targets, users } from "@/db/schema";
import { changedTables, fingerprint } from "./support/db-fingerprint";
import { createTenant, type Tenant } from "./support/factories";
import { municipalityStamp, targetsStamp } from "./support/periods";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { saveTargetsAction } = await import("@/lib/indicators/actions");
const { updateMunicipalityAction, archiveMunicipalityAction } = await import("@/lib/admin/directory/actions");

let t: Tenant;
/** A second admin of the same region: the two people editing at once. */
let second: Tenant["users"]["admin"];
const Y = 2040 + Math.floor(Math.random() * 20);

beforeAll(async () => {
  t = await createTenant("locks");
  const db = await getDb();
  const [u] = await db
    .insert(users)
    .values({
      email: `locks-admin2-${Date.now()}@test.local`,
      name: "Второй Администратор",
      role: "admin",
      regionId: t.regionId,
    })
    .returning();
  second = { ...t.users.admin, id: u.id, email: u.email, name: u.name };
});

const conflict = (what: string, by: string) => ({
  ok: false,
  code: "conflict",
  formError: expect.stringMatching(
    new RegExp(
      `^${what} уже изменили \\(${by}, \\d{2}\\.\\d{2}\\.\\d{4}.*\\), пока форма была открыта у вас\\. Ваши изменения не сохранены: обновите страницу`,
    ),
  ),
});

async function planValues(municipalityId: number | null) {
  const db = await getDb();
  const rows = await db
    .select({ indicator: targets.indicator, value: targets.value, municipalityId: targets.municipalityId })
    .from(targets)
    .where(and(eq(targets.regionId, t.regionId), eq(targets.year, Y)));
  return Object.fromEntries(
    rows.filter((r) => r.municipalityId === municipalityId).map((r) => [r.indicator, Number(r.value)]),
  );
}

describe("targets: the plan of a territory", () => {
  for (const level of ["region", "municipality"] as const) {
    it(`of the ${level}: the second of two admins who opened the same grid gets the conflict`, async () => {
      const municipalityId = level === "region" ? null : t.municipalityId;
      const territory = level === "region" ? "region" : String(t.municipalityId);
      // Both open the grid: the same version.
      const version = await targetsStamp(t.regionId, municipalityId);
      signInAs(t.users.admin);
      const first = await saveTargetsAction({ territory, version, [`v:N1:${Y}`]: "70", [`v:2:${Y}`]: "5" });
      expect(first).toMatchObject({ ok: true, data: { changed: 2 } });
      const before = await fingerprint();
      signInAs(second);
      const late = await saveTargetsAction({ territory, version, [`v:N1:${Y}`]: "40" });
      expect(late).toMatchObject(conflict("Планы показателей", t.users.admin.name));
      expect(changedTables(before, await fingerprint())).toEqual([]);
      expect(await planValues(municipalityId)).toEqual({ N1: 70, "2": 5 });
      // Reloaded (the version the first save moved the plan to), the second admin saves.
      const reloaded = await saveTargetsAction({
        territory,
        version: await targetsStamp(t.regionId, municipalityId),
        [`v:N1:${Y}`]: "40",
      });
      expect(reloaded).toMatchObject({ ok: true, data: { changed: 1 } });
      expect(await planValues(municipalityId)).toEqual({ N1: 40, "2": 5 });
      // The grid's own next save goes on from the version its save returned.
      signInAs(t.users.admin);
      const next = await saveTargetsAction({
        territory,
        version: reloaded.ok ? reloaded.data.version : "",
        [`v:2:${Y}`]: "6",
      });
      expect(next).toMatchObject({ ok: true, data: { changed: 1 } });
    });
  }

  it("saves of the region's plan and a municipality's keep their own versions", async () => {
    const regionVersion = await targetsStamp(t.regionId);
    signInAs(t.users.admin);
    const own = await saveTargetsAction({
      territory: String(t.siblingMunicipalityId),
      version: await targetsStamp(t.regionId, t.siblingMunicipalityId),
      [`v:N2:${Y}`]: "12",
    });
    expect(own.ok, JSON.stringify(own)).toBe(true);
    expect(await targetsStamp(t.regionId)).toBe(regionVersion);
  });

  it("two saves of one version at the same moment: exactly one wins", async () => {
    const version = await targetsStamp(t.regionId);
    signInAs(t.users.admin);
    const results = await Promise.all([
      saveTargetsAction({ territory: "region", version, [`v:3:${Y}`]: "11" }),
      saveTargetsAction({ territory: "region", version, [`v:3:${Y}`]: "22" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "conflict" });
    expect([11, 22]).toContain((await planValues(null))["3"]);
  });
});

describe("a municipality's name", () => {
  it("the second of two admins renaming it at once gets the conflict; the name is the first one's", async () => {
    const updatedAt = await municipalityStamp(t.siblingMunicipalityId);
    const base = { municipalityId: t.siblingMunicipalityId, updatedAt, kind: "municipal_district" };
    signInAs(t.users.admin);
    const first = await updateMunicipalityAction({ ...base, name: `Первое имя ${t.regionId}` });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const before = await fingerprint();
    signInAs(second);
    const late = await updateMunicipalityAction({ ...base, name: `Второе имя ${t.regionId}` });
    expect(late).toMatchObject(conflict("Муниципалитет", t.users.admin.name));
    expect(changedTables(before, await fingerprint())).toEqual([]);
    const db = await getDb();
    const [m] = await db.select().from(municipalities).where(eq(municipalities.id, t.siblingMunicipalityId));
    expect(m.name).toBe(`Первое имя ${t.regionId}`);
    // The form's next save goes on from the stamp its save returned.
    signInAs(t.users.admin);
    const again = await updateMunicipalityAction({
      ...base,
      updatedAt: first.ok ? (first.data as { updatedAt: string }).updatedAt : "",
      name: `Третье имя ${t.regionId}`,
    });
    expect(again.ok, JSON.stringify(again)).toBe(true);
  });

  it("an archiving since the form was opened is a change too", async () => {
    const db = await getDb();
    const [m] = await db
      .insert(municipalities)
      .values({ regionId: t.regionId, name: `Пустой район ${t.regionId}`, slug: `locks-empty-${Date.now()}` })
      .returning();
    const updatedAt = m.updatedAt.toISOString();
    signInAs(t.users.admin);
    expect((await archiveMunicipalityAction({ municipalityId: m.id, archived: true })).ok).toBe(true);
    signInAs(second);
    expect(
      await updateMunicipalityAction({ municipalityId: m.id, updatedAt, name: "Новое имя", kind: m.kind }),
    ).toMatchObject({ ok: false, code: "conflict" });
  });
});
