/**
 * The bank of best practices: who recognises at which level (audited), who finds what (scope and filters), and
 * the region's open-data page, refreshed through the rails after a mark and free of learners' personal data.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import OpenPracticesPage from "@/app/(public)/open/[regionCode]/practices/page";
import PracticesPage from "@/app/(app)/practices/page";
import { getDb } from "@/db";
import { auditLog, documents, programmes, regions } from "@/db/schema";
import { scopeMunicipality, scopeRegion } from "@/lib/auth/scoped";
import { markBestPracticeAction, unmarkBestPracticeAction } from "@/lib/practices/actions";
import { BANK_PAGE, practiceBank } from "@/lib/practices/queries";
import { parsePracticeFilters } from "@/lib/practices/schemas";
import { openPractices } from "@/lib/public/practices";
import { createTenant, type Tenant } from "./support/factories";
import { createMentee, createMentor, createMentorship, createProgramme } from "./support/registry-factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  t = await createTenant("bank");
  other = await createTenant("bank-other");
});

const NOTE = "Устойчивые пары, рост успеваемости наставляемых";
const mark = (programmeId: number, level = "municipal", note = NOTE) =>
  markBestPracticeAction({ programmeId, level, note });

async function programmeRow(id: number) {
  const db = await getDb();
  const [p] = await db.select().from(programmes).where(eq(programmes.id, id));
  return p;
}

const noFilters = parsePracticeFilters({});
const bankOfRegion = async (tenant: Tenant, query = {}) =>
  (await practiceBank({ region: await scopeRegion(tenant.users.ministry) }, parsePracticeFilters(query)))
    .practices;

describe("recognising a best practice", () => {
  it("lets the coordinator mark a programme of the municipality, audited with the note", async () => {
    const p = await createProgramme(t.orgId, { title: "Шахматный клуб наставников" });
    signInAs(t.users.coordinator);
    const result = await mark(p.id);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await programmeRow(p.id)).toMatchObject({
      bestPractice: true,
      bestPracticeLevel: "municipal",
      bestPracticeNote: NOTE,
      bestPracticeBy: t.users.coordinator.id,
    });
    const db = await getDb();
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "best_practice"), eq(auditLog.entityId, String(p.id))));
    expect(entry).toMatchObject({
      entity: "programme",
      userId: t.users.coordinator.id,
      organisationId: t.orgId,
    });
    expect(entry.changes).toMatchObject({ bestPracticeLevel: [null, "municipal"], bestPracticeNote: NOTE });
  });

  it("keeps the regional level to the admin, and a regional practice out of the coordinator's hands", async () => {
    const p = await createProgramme(t.orgId);
    signInAs(t.users.coordinator);
    expect(await mark(p.id, "regional")).toMatchObject({
      ok: false,
      fieldErrors: { level: ["Уровень признания: региональный уровень присваивает региональный центр."] },
    });
    expect((await programmeRow(p.id)).bestPractice).toBe(false);
    signInAs(t.users.admin);
    expect((await mark(p.id, "regional")).ok).toBe(true);
    signInAs(t.users.coordinator);
    const refused = await unmarkBestPracticeAction({
      programmeId: p.id,
      reason: "Программа закрыта досрочно",
    });
    expect(refused).toMatchObject({ ok: false, formError: expect.stringContaining("региональный центр") });
    expect((await programmeRow(p.id)).bestPracticeLevel).toBe("regional");
  });

  it("refuses bad input in Russian and changes nothing", async () => {
    const p = await createProgramme(t.orgId);
    signInAs(t.users.coordinator);
    expect(await mark(p.id, "municipal", "хорошо")).toMatchObject({
      ok: false,
      fieldErrors: { note: ["Чем ценна практика: не короче 10 символов."] },
    });
    expect(await mark(p.id, "federal")).toMatchObject({
      ok: false,
      fieldErrors: { level: ["Уровень признания: выберите из списка."] },
    });
    expect(await unmarkBestPracticeAction({ programmeId: p.id, reason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Причина: не короче 10 символов."] },
    });
    expect(
      await unmarkBestPracticeAction({ programmeId: p.id, reason: "Больше не реализуется" }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect((await programmeRow(p.id)).bestPractice).toBe(false);
  });

  it("withdraws a practice with a reason kept in the journal", async () => {
    const p = await createProgramme(t.orgId);
    signInAs(t.users.coordinator);
    expect((await mark(p.id)).ok).toBe(true);
    const reason = "Программа больше не реализуется";
    expect((await unmarkBestPracticeAction({ programmeId: p.id, reason })).ok).toBe(true);
    expect(await programmeRow(p.id)).toMatchObject({ bestPractice: false, bestPracticeLevel: null });
    const db = await getDb();
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "best_practice_withdrawn"), eq(auditLog.entityId, String(p.id))));
    expect(entry.changes).toMatchObject({ reason });
    expect((await bankOfRegion(t)).map((x) => x.id)).not.toContain(p.id);
  });
});

describe("an empty region", () => {
  it("says so on the bank page, the proposals and the public page", async () => {
    const empty = await createTenant("bank-empty");
    signInAs(empty.users.coordinator);
    const html = renderToStaticMarkup(await PracticesPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain("Лучших практик пока нет.");
    expect(html).toContain("Новых предложений нет.");
    const db = await getDb();
    const [region] = await db.select().from(regions).where(eq(regions.id, empty.regionId));
    const open = renderToStaticMarkup(
      await OpenPracticesPage({
        params: Promise.resolve({ regionCode: region.code }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(open).toContain("Лучшие практики пока не отмечены.");
  });
});

describe("the bank", () => {
  let ids: Record<string, number>;
  beforeAll(async () => {
    const own = await createProgramme(t.orgId, {
      title: "Олимпиадный резерв",
      format: "pupil_pupil",
      roleModel: "успевающий – неуспевающий",
    });
    const sibling = await createProgramme(t.siblingOrgId, { title: "Первые шаги молодого педагога" });
    const elsewhere = await createProgramme(t.otherMunicipalityOrgId, {
      title: "Профессия рядом",
      format: "employer_pupil",
      roleModel: "работодатель – будущий сотрудник",
    });
    const foreign = await createProgramme(other.orgId, { title: "Чужой регион" });
    signInAs(t.users.coordinator);
    expect((await mark(own.id)).ok).toBe(true);
    expect((await mark(sibling.id)).ok).toBe(true);
    signInAs(t.users.admin);
    expect((await mark(elsewhere.id, "regional")).ok).toBe(true);
    signInAs(other.users.admin);
    expect((await mark(foreign.id, "regional")).ok).toBe(true);
    const db = await getDb();
    await db
      .update(programmes)
      .set({ bestPracticeAt: new Date("2023-04-10T10:00:00Z") })
      .where(eq(programmes.id, own.id));
    ids = { own: own.id, sibling: sibling.id, elsewhere: elsewhere.id, foreign: foreign.id };
  });

  it("shows the coordinator the municipality and the ministry the region, never another region", async () => {
    const muni = await practiceBank(
      { municipality: await scopeMunicipality(t.users.coordinator, t.municipalityId) },
      noFilters,
    );
    const mine = muni.practices.map((p) => p.id);
    expect(mine).toEqual(expect.arrayContaining([ids.own, ids.sibling]));
    expect(mine).not.toContain(ids.elsewhere);
    const region = (await bankOfRegion(t)).map((p) => p.id);
    expect(region).toEqual(expect.arrayContaining([ids.own, ids.sibling, ids.elsewhere]));
    expect(region).not.toContain(ids.foreign);
    // The regional practices come first.
    expect(region.indexOf(ids.elsewhere)).toBeLessThan(region.indexOf(ids.own));
  });

  it("gives a card the first four public documents of its organisation and counts the rest", async () => {
    const db = await getDb();
    await db.insert(documents).values(
      Array.from({ length: 6 }, (_, i) => ({
        organisationId: t.siblingOrgId,
        type: "roadmap" as const,
        title: `Дорожная карта, редакция ${i + 1}`,
      })),
    );
    const card = (await bankOfRegion(t)).find((p) => p.id === ids.sibling);
    expect(card?.documents).toHaveLength(4);
    expect(card?.moreDocuments).toBe(2);
    const few = (await bankOfRegion(t)).find((p) => p.id === ids.own);
    expect(few?.moreDocuments).toBe(0);
  });

  it("comes a page at a time, counted in SQL, no practice on two pages", async () => {
    const db = await getDb();
    const many = await Promise.all(
      Array.from({ length: BANK_PAGE + 3 }, (_, i) =>
        createProgramme(other.orgId, { title: `Практика ${i}` }),
      ),
    );
    for (const p of many)
      await db
        .update(programmes)
        .set({
          bestPractice: true,
          bestPracticeLevel: "municipal",
          bestPracticeNote: NOTE,
          bestPracticeAt: new Date(),
        })
        .where(eq(programmes.id, p.id));
    const scope = { region: await scopeRegion(other.users.ministry) };
    const first = await practiceBank(scope, noFilters);
    expect(first.total).toBeGreaterThanOrEqual(BANK_PAGE + 3);
    expect(first.practices).toHaveLength(BANK_PAGE);
    const second = await practiceBank(scope, noFilters, 2);
    expect(second.page).toBe(2);
    const seen = new Set(first.practices.map((p) => p.id));
    expect(second.practices.some((p) => seen.has(p.id))).toBe(false);
    expect(first.practices.length + second.practices.length).toBe(first.total);
    // A page past the end is the last one.
    expect((await practiceBank(scope, noFilters, 999)).page).toBe(first.pages);
    await db
      .update(programmes)
      .set({ bestPractice: false })
      .where(
        inArray(
          programmes.id,
          many.map((p) => p.id),
        ),
      );
  });

  it("filters by text, format, role model, level and year", async () => {
    const found = async (q: Record<string, string>) => (await bankOfRegion(t, q)).map((p) => p.id).sort();
    expect(await found({ q: "олимпиадный" })).toEqual([ids.own]);
    expect(await found({ q: "Школа № 3" })).toEqual([ids.elsewhere]);
    expect(await found({ format: "employer_pupil" })).toEqual([ids.elsewhere]);
    expect(await found({ roleModel: "неуспевающий" })).toEqual([ids.own]);
    const regional = await found({ level: "regional" });
    expect(regional).toContain(ids.elsewhere);
    expect(regional).not.toContain(ids.own);
    expect(await found({ year: "2023" })).toEqual([ids.own]);
    // Unknown values are dropped, not errors.
    expect((await found({ format: "x", level: "federal", year: "20x" })).length).toBeGreaterThanOrEqual(3);
  });

  it("renders the bank page for the ministry with the school's contacts and no register data", async () => {
    signInAs(t.users.ministry);
    const html = renderToStaticMarkup(await PracticesPage({ searchParams: Promise.resolve({ level: "" }) }));
    expect(html).toContain("Банк лучших практик");
    expect(html).toContain("Олимпиадный резерв");
    expect(html).toContain("Страница «Наставничество»");
    // The ministry recognises nothing: no links to the registers.
    expect(html).not.toContain("/registry/programmes/");
  });

  it("lists the region's practices on the public page, refreshed after a mark, without learners", async () => {
    const db = await getDb();
    const [region] = await db.select().from(regions).where(eq(regions.id, t.regionId));
    const p = await createProgramme(t.orgId, { title: "Наставники-читатели" });
    const mentor = await createMentor(t.orgId, { surname: "Наставникова", name: "Ольга" });
    const mentee = await createMentee(t.orgId, { surname: "Секретова", name: "Алиса", birthYear: 2013 });
    await createMentorship(p, mentor.id, mentee.id);
    const before = (await openPractices(t.regionId)).map((x) => x.id);
    expect(before).not.toContain(p.id);
    signInAs(t.users.coordinator);
    expect((await mark(p.id)).ok).toBe(true);
    // The cached list was dropped by the write's Changes: the new practice shows at once.
    expect((await openPractices(t.regionId)).map((x) => x.id)).toContain(p.id);
    const html = renderToStaticMarkup(
      await OpenPracticesPage({
        params: Promise.resolve({ regionCode: region.code }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(html).toContain("Наставники-читатели");
    expect(html).toContain(NOTE);
    for (const leak of ["Секретова", "Алиса", "2013", "Наставникова"]) expect(html).not.toContain(leak);
  });
});
