/** The admin's directory: municipalities and organisations of the region, with generated latin slugs. */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, municipalities, organisations } from "@/db/schema";
import { freeSlug, nameSlug, organisationSlugBase } from "@/lib/admin/slug";
import { createTenant, type Tenant } from "./support/factories";
import { municipalityStamp } from "./support/periods";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const a = await import("@/lib/admin/directory/actions");

let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  t = await createTenant("adm-dir");
  other = await createTenant("adm-dir-o");
});

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function org(id: number) {
  const db = await getDb();
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id));
  return o;
}

function orgInput(municipalityId: number, patch: Record<string, unknown> = {}) {
  return {
    municipalityId,
    kind: "school",
    fullName: "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 7»",
    shortName: "МБОУ «СОШ № 7»",
    address: "646400, р.п. Саргатское, ул. Школьная, 7",
    directorName: "Петрова Анна Ивановна",
    phone: "8 (38178) 2-11-11",
    email: "sosh7@example.ru",
    website: "",
    learners10to18: "150",
    teachingStaff: "20",
    youngTeachers: "3",
    joinedYear: "2021",
    obliged: "on",
    ...patch,
  };
}

describe("slugs (pure)", () => {
  it("transliterates, drops the legal form and numbers duplicates", () => {
    expect(nameSlug("Саргатский муниципальный район")).toBe("sargatskiy-munitsipalnyy-rayon");
    expect(organisationSlugBase("sargatskiy", "МБОУ «СОШ № 7»")).toBe("sargatskiy-sosh-7");
    expect(freeSlug("a", ["a", "a-2"])).toBe("a-3");
    expect(freeSlug("b", ["a"])).toBe("b");
  });
});

describe("municipalities", () => {
  it("are created in the admin's region with a unique slug, renamed, archived when empty", async () => {
    signInAs(t.users.admin);
    const name = `Заречный район ${stamp()}`;
    const first = await a.createMunicipalityAction({
      regionId: t.regionId,
      name,
      kind: "municipal_district",
    });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    if (!first.ok) return;
    expect(first.data.slug).toMatch(/^zarechnyy-rayon-[a-z0-9-]+$/);
    expect(
      await a.createMunicipalityAction({
        regionId: t.regionId,
        name: name.toUpperCase(),
        kind: "city_district",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Муниципалитет с таким названием в регионе уже есть."] },
    });
    const renamed = await a.updateMunicipalityAction({
      municipalityId: first.data.id,
      updatedAt: await municipalityStamp(first.data.id),
      name: `${name} (новый)`,
      kind: "city_district",
    });
    expect(renamed.ok).toBe(true);
    const db = await getDb();
    const [m] = await db.select().from(municipalities).where(eq(municipalities.id, first.data.id));
    expect(m).toMatchObject({ name: `${name} (новый)`, kind: "city_district", slug: first.data.slug });
    expect((await a.archiveMunicipalityAction({ municipalityId: m.id, archived: "true" })).ok).toBe(true);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "municipality"), eq(auditLog.entityId, String(m.id))));
    expect(audits.map((x) => x.action).sort()).toEqual(["archive", "create", "update"]);
  });

  it("cannot be archived while organisations work in them", async () => {
    signInAs(t.users.admin);
    const r = await a.archiveMunicipalityAction({ municipalityId: t.municipalityId, archived: true });
    expect(r).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/В муниципалитете \d+ организаци[яий] не в архиве/),
    });
  });

  it("of another region are out of reach", async () => {
    signInAs(t.users.admin);
    expect(
      await a.createMunicipalityAction({
        regionId: other.regionId,
        name: "Чужой район",
        kind: "municipal_district",
      }),
    ).toMatchObject({
      ok: false,
      formError: "Регион не найден или недоступен.",
    });
    expect(
      await a.updateMunicipalityAction({
        municipalityId: other.municipalityId,
        updatedAt: await municipalityStamp(other.municipalityId),
        name: "Взлом",
        kind: "city_district",
      }),
    ).toMatchObject({
      ok: false,
      formError: "Муниципалитет не найден или недоступен.",
    });
  });
});

describe("organisations", () => {
  it("are created with a slug from the municipality and the short name", async () => {
    signInAs(t.users.admin);
    const r1 = await a.createOrganisationAction(orgInput(t.municipalityId));
    const r2 = await a.createOrganisationAction(orgInput(t.municipalityId));
    expect(r1.ok && r2.ok, JSON.stringify([r1, r2])).toBe(true);
    if (!r1.ok || !r2.ok) return;
    const o1 = await org(r1.data.id);
    expect(o1).toMatchObject({
      kind: "school",
      learners10to18: 150,
      joinedYear: 2021,
      obliged: true,
      archived: false,
    });
    expect(o1.slug).toMatch(/^a-adm-dir-.*-sosh-7$/);
    expect(r2.data.slug).toBe(`${o1.slug}-2`);
  });

  it("refuses invalid figures and a municipality of another region", async () => {
    signInAs(t.users.admin);
    const bad = await a.createOrganisationAction(
      orgInput(t.municipalityId, { youngTeachers: "30", fullName: "x" }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.fieldErrors?.youngTeachers?.[0]).toMatch(/больше/);
      expect(bad.fieldErrors?.fullName?.[0]).toMatch(/не короче 3/);
    }
    expect(await a.createOrganisationAction(orgInput(other.municipalityId))).toMatchObject({
      ok: false,
      formError: "Муниципалитет не найден или недоступен.",
    });
  });

  it("are moved, re-typed and archived by the admin, with a version check", async () => {
    signInAs(t.users.admin);
    const created = await a.createOrganisationAction(
      orgInput(t.municipalityId, { shortName: `Лицей ${stamp()}` }),
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const o = await org(created.data.id);
    const moved = await a.updateOrganisationAction({
      organisationId: o.id,
      updatedAt: o.updatedAt.toISOString(),
      municipalityId: t.siblingMunicipalityId,
      kind: "college",
      joinedYear: "",
      obliged: false,
    });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
    expect(await org(o.id)).toMatchObject({
      municipalityId: t.siblingMunicipalityId,
      kind: "college",
      joinedYear: null,
      obliged: false,
    });
    const stale = await a.archiveOrganisationAction({
      organisationId: o.id,
      updatedAt: o.updatedAt.toISOString(),
      archived: true,
    });
    expect(stale).toMatchObject({ ok: false, formError: expect.stringMatching(/уже изменили/) });
    const fresh = await org(o.id);
    expect(
      (
        await a.archiveOrganisationAction({
          organisationId: o.id,
          updatedAt: fresh.updatedAt.toISOString(),
          archived: true,
        })
      ).ok,
    ).toBe(true);
    expect((await org(o.id)).archived).toBe(true);
    const toOther = await a.updateOrganisationAction({
      organisationId: o.id,
      updatedAt: (await org(o.id)).updatedAt.toISOString(),
      municipalityId: other.municipalityId,
      kind: "school",
      obliged: true,
    });
    expect(toOther).toMatchObject({ ok: false, formError: "Муниципалитет не найден или недоступен." });
  });

  it("are refused to the coordinator, the curator and the ministry", async () => {
    for (const actor of [t.users.coordinator, t.users.curator, t.users.ministry]) {
      signInAs(actor);
      expect(await a.createOrganisationAction(orgInput(t.municipalityId))).toMatchObject({
        ok: false,
        formError: "Недостаточно прав для этого действия.",
      });
    }
  });
});
