import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, documents, roadmapItems } from "@/db/schema";
import {
  createRoadmapItemAction,
  deleteRoadmapItemAction,
  importRoadmapAction,
  moveRoadmapItemAction,
  updateRoadmapItemAction,
} from "@/lib/roadmap/actions";
import { dueEnd, isItemOverdue, parseDue, roadmapNumbers } from "@/lib/roadmap/domain";
import { readRoadmapFile, roadmapWorkbook } from "@/lib/roadmap/file";
import {
  listRoadmap,
  overdueRoadmapCount,
  overdueRoadmapItems,
  roadmapItemsComingDue,
} from "@/lib/roadmap/queries";
import { scopeRoadmap } from "@/lib/roadmap/scope";
import { importForm, itemFields, roadmapXlsx, seedRoadmapItem } from "./authz/roadmap";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

describe("roadmap rules (pure)", () => {
  it("numbers sections 1, 2 and their items 1.1, 1.2 from the order", () => {
    const rows = [true, false, false, true, false].map((isSection) => ({ isSection }));
    expect(roadmapNumbers(rows)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
    expect(roadmapNumbers([{ isSection: false }, { isSection: false }])).toEqual(["1", "2"]);
  });

  it("reads «Срок реализации» as a date, a month or words, and refuses a date that does not exist", () => {
    expect(parseDue("15.09.2024")).toEqual({ date: "2024-09-15", precision: "day", note: "" });
    expect(parseDue("09.2024")).toEqual({ date: "2024-09-01", precision: "month", note: "" });
    expect(parseDue("сентябрь 2021 г.")).toMatchObject({ date: "2021-09-01", precision: "month" });
    expect(parseDue("Март-апрель 2022года")).toMatchObject({ date: "2022-04-01", precision: "month" });
    expect(parseDue("март -май 2022 г.")).toMatchObject({ date: "2022-05-01", precision: "month" });
    expect(parseDue("до 15 мая 2025 г.")).toMatchObject({ date: "2025-05-15", precision: "day" });
    expect(parseDue("По отдельному графику")).toEqual({
      date: null,
      precision: null,
      note: "По отдельному графику",
    });
    expect(parseDue("в течение года")).toMatchObject({ date: null });
    expect(parseDue("31.02.2024")).toMatch(/такой даты нет/);
    expect(parseDue("13.2024")).toMatch(/такой даты нет/);
    expect(parseDue("01.01.1900")).toMatch(/год должен быть/);
  });

  it("an item is overdue after its due's last day (a month's: its end), while planned or in progress", () => {
    expect(dueEnd("2024-02-01", "month")).toBe("2024-02-29");
    const item = {
      isSection: false,
      status: "planned" as const,
      dueDate: "2024-09-01",
      duePrecision: "month" as const,
    };
    expect(isItemOverdue(item, "2024-09-30")).toBe(false);
    expect(isItemOverdue(item, "2024-10-01")).toBe(true);
    expect(isItemOverdue({ ...item, duePrecision: "day" }, "2024-09-02")).toBe(true);
    expect(isItemOverdue({ ...item, status: "in_progress" }, "2024-10-01")).toBe(true);
    expect(isItemOverdue({ ...item, status: "done" }, "2025-01-01")).toBe(false);
    expect(isItemOverdue({ ...item, status: "failed" }, "2025-01-01")).toBe(false);
    expect(isItemOverdue({ ...item, dueDate: null, duePrecision: null }, "2025-01-01")).toBe(false);
  });
});

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("roadmap");
});

const org = () => ({ level: "organisation" as const, ownerId: t.orgId });

async function rowsOf(orgId: number) {
  const db = await getDb();
  return db
    .select()
    .from(roadmapItems)
    .where(eq(roadmapItems.organisationId, orgId))
    .orderBy(roadmapItems.position);
}

async function auditCount() {
  const db = await getDb();
  return (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.organisationId, t.orgId)))
    .length;
}

describe("a curator's roadmap", () => {
  it("adds a section and items under it, numbered from the order, each audited", async () => {
    signInAs(t.users.curator);
    const before = await auditCount();
    const section = await createRoadmapItemAction({
      ...org(),
      isSection: true,
      title: "Нормативно-правовое обеспечение",
    });
    expect(section.ok).toBe(true);
    const second = await createRoadmapItemAction({ ...org(), isSection: true, title: "Мониторинг" });
    if (!section.ok || !second.ok) throw new Error("not created");
    const a = await createRoadmapItemAction({
      ...org(),
      sectionId: section.data.id,
      ...itemFields({ title: "Приказ о внедрении" }),
    });
    const b = await createRoadmapItemAction({
      ...org(),
      sectionId: second.data.id,
      ...itemFields({ title: "Внутренний мониторинг" }),
    });
    const c = await createRoadmapItemAction({
      ...org(),
      sectionId: section.data.id,
      ...itemFields({ title: "Назначение куратора" }),
    });
    expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);
    const scope = await scopeRoadmap(t.users.curator, "organisation", t.orgId, "view");
    const list = await listRoadmap(scope, "2026-01-01");
    expect(list.map((r) => `${r.number} ${r.title}`)).toEqual([
      "1 Нормативно-правовое обеспечение",
      "1.1 Приказ о внедрении",
      "1.2 Назначение куратора",
      "2 Мониторинг",
      "2.1 Внутренний мониторинг",
    ]);
    expect(await auditCount()).toBe(before + 5);
  });

  it("marks an item done only with its date; the refusal is in Russian and nothing changes", async () => {
    signInAs(t.users.curator);
    const [row] = (await rowsOf(t.orgId)).filter((r) => r.title === "Приказ о внедрении");
    const before = await auditCount();
    const refused = await updateRoadmapItemAction({
      id: row.id,
      updatedAt: row.updatedAt.toISOString(),
      ...itemFields({ title: row.title, status: "done" }),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.fieldErrors?.doneDate?.join(" ")).toMatch(/укажите, когда мероприятие выполнено/);
    const badDue = await updateRoadmapItemAction({
      id: row.id,
      updatedAt: row.updatedAt.toISOString(),
      ...itemFields({ due: "31.02.2026" }),
    });
    expect(badDue.ok).toBe(false);
    if (!badDue.ok) expect(badDue.fieldErrors?.due?.join(" ")).toMatch(/такой даты нет/);
    expect(await auditCount()).toBe(before);
    const done = await updateRoadmapItemAction({
      id: row.id,
      updatedAt: row.updatedAt.toISOString(),
      ...itemFields({ title: row.title, status: "done", doneDate: "2026-09-10" }),
    });
    expect(done.ok).toBe(true);
    const [saved] = (await rowsOf(t.orgId)).filter((r) => r.id === row.id);
    expect(saved).toMatchObject({ status: "done", doneDate: "2026-09-10" });
    // The form opened before the save is refused: someone changed the item meanwhile.
    const stale = await updateRoadmapItemAction({
      id: row.id,
      updatedAt: row.updatedAt.toISOString(),
      ...itemFields(),
    });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
  });

  it("links a result to the organisation's own document only", async () => {
    signInAs(t.users.curator);
    const db = await getDb();
    const [own] = await db
      .insert(documents)
      .values({ organisationId: t.orgId, type: "model_introduction", title: "О внедрении ЦМН" })
      .returning();
    const [foreign] = await db
      .insert(documents)
      .values({ organisationId: t.siblingOrgId, type: "model_introduction", title: "Чужой" })
      .returning();
    const [row] = (await rowsOf(t.orgId)).filter((r) => r.title === "Назначение куратора");
    const refused = await updateRoadmapItemAction({
      id: row.id,
      updatedAt: row.updatedAt.toISOString(),
      ...itemFields({ title: row.title, documentId: foreign.id }),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors?.documentId?.join(" ")).toMatch(/Документ не найден/);
    const ok = await updateRoadmapItemAction({
      id: row.id,
      updatedAt: row.updatedAt.toISOString(),
      ...itemFields({ title: row.title, documentId: own.id }),
    });
    expect(ok.ok).toBe(true);
    const scope = await scopeRoadmap(t.users.curator, "organisation", t.orgId, "view");
    const list = await listRoadmap(scope, "2026-01-01");
    expect(list.find((r) => r.id === row.id)?.document?.title).toBe("О внедрении ЦМН");
  });

  it("moves an item past its neighbour and a section with its items", async () => {
    signInAs(t.users.curator);
    const titles = async () => (await rowsOf(t.orgId)).map((r) => r.title);
    const find = async (title: string) => (await rowsOf(t.orgId)).find((r) => r.title === title)!;
    expect(
      (await moveRoadmapItemAction({ id: (await find("Назначение куратора")).id, direction: "up" })).ok,
    ).toBe(true);
    expect((await titles()).slice(0, 3)).toEqual([
      "Нормативно-правовое обеспечение",
      "Назначение куратора",
      "Приказ о внедрении",
    ]);
    expect((await moveRoadmapItemAction({ id: (await find("Мониторинг")).id, direction: "up" })).ok).toBe(
      true,
    );
    expect(await titles()).toEqual([
      "Мониторинг",
      "Внутренний мониторинг",
      "Нормативно-правовое обеспечение",
      "Назначение куратора",
      "Приказ о внедрении",
    ]);
    const first = await moveRoadmapItemAction({ id: (await find("Мониторинг")).id, direction: "up" });
    expect(first).toMatchObject({ ok: false, formError: "Раздел уже первый." });
  });

  it("deletes a section together with its items", async () => {
    signInAs(t.users.curator);
    const section = (await rowsOf(t.orgId)).find((r) => r.title === "Мониторинг")!;
    const r = await deleteRoadmapItemAction({ id: section.id, updatedAt: section.updatedAt.toISOString() });
    expect(r).toMatchObject({ ok: true, data: { deleted: 2 } });
    expect((await rowsOf(t.orgId)).map((x) => x.title)).toEqual([
      "Нормативно-правовое обеспечение",
      "Назначение куратора",
      "Приказ о внедрении",
    ]);
  });
});

describe("who may change which roadmap", () => {
  it("a curator of another organisation is refused, and a coordinator may not edit an organisation's roadmap", async () => {
    signInAs(t.users.siblingCurator);
    const r1 = await createRoadmapItemAction({ ...org(), ...itemFields() });
    expect(r1).toMatchObject({
      ok: false,
      code: "not_found",
      formError: "Дорожная карта не найдена или недоступна.",
    });
    const row = (await rowsOf(t.orgId))[1];
    const r2 = await updateRoadmapItemAction({
      id: row.id,
      updatedAt: row.updatedAt.toISOString(),
      ...itemFields(),
    });
    expect(r2).toMatchObject({ ok: false, code: "not_found" });
    signInAs(t.users.coordinator);
    const r3 = await createRoadmapItemAction({ ...org(), ...itemFields() });
    expect(r3).toMatchObject({ ok: false, code: "not_found" });
    signInAs(t.users.curator);
    const r4 = await createRoadmapItemAction({
      level: "municipality",
      ownerId: t.municipalityId,
      ...itemFields(),
    });
    expect(r4).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a coordinator edits their municipality's roadmap, not another municipality's; the ministry only reads", async () => {
    signInAs(t.users.coordinator);
    const own = await createRoadmapItemAction({
      level: "municipality",
      ownerId: t.municipalityId,
      ...itemFields({ resultUrl: "https://edu.example.ru/plan" }),
    });
    expect(own.ok).toBe(true);
    signInAs(t.users.siblingCoordinator);
    const other = await createRoadmapItemAction({
      level: "municipality",
      ownerId: t.municipalityId,
      ...itemFields(),
    });
    expect(other).toMatchObject({ ok: false, code: "not_found" });
    await expect(
      scopeRoadmap(t.users.siblingCoordinator, "municipality", t.municipalityId, "view"),
    ).rejects.toThrow(/не найдена/);
    signInAs(t.users.ministry);
    const ministry = await createRoadmapItemAction({ level: "region", ownerId: t.regionId, ...itemFields() });
    expect(ministry).toMatchObject({ ok: false, code: "forbidden" });
    await expect(
      scopeRoadmap(t.users.ministry, "municipality", t.municipalityId, "view"),
    ).resolves.toMatchObject({ id: t.municipalityId });
    signInAs(t.users.admin);
    expect(
      (await createRoadmapItemAction({ level: "region", ownerId: t.regionId, ...itemFields() })).ok,
    ).toBe(true);
  });
});

describe("overdue and coming due", () => {
  it("lists the open items past due of a municipality's organisations, and what falls due in a range", async () => {
    const tt = await createTenant("roadmap-due");
    const own = { level: "organisation" as const, ownerId: tt.orgId };
    const late = await seedRoadmapItem(own, tt.regionId, {
      title: "Просроченное",
      dueDate: "2024-09-01",
      duePrecision: "month",
    });
    await seedRoadmapItem(own, tt.regionId, {
      title: "Выполненное",
      dueDate: "2024-09-01",
      duePrecision: "month",
      status: "done",
      doneDate: "2024-09-20",
    });
    await seedRoadmapItem(own, tt.regionId, {
      title: "Без даты",
      dueDate: null,
      duePrecision: null,
      dueNote: "в течение года",
    });
    const soon = await seedRoadmapItem(own, tt.regionId, {
      title: "Скоро",
      dueDate: "2030-03-15",
      duePrecision: "day",
    });
    await seedRoadmapItem({ level: "organisation", ownerId: tt.otherMunicipalityOrgId }, tt.regionId, {
      title: "Чужой муниципалитет",
      dueDate: "2024-01-01",
      duePrecision: "day",
    });
    const db = await getDb();
    const overdue = await overdueRoadmapItems(db, {
      regionId: tt.regionId,
      municipalityId: tt.municipalityId,
      today: "2024-10-01",
    });
    expect(overdue.map((i) => [i.id, i.level, i.ownerId, i.dueEnd])).toEqual([
      [late.id, "organisation", tt.orgId, "2024-09-30"],
    ]);
    // The count the coordinator's page shows above its pages, by the same conditions.
    const filter = { regionId: tt.regionId, municipalityId: tt.municipalityId };
    expect(await overdueRoadmapCount(db, { ...filter, today: "2024-10-01" })).toEqual({
      items: 1,
      owners: 1,
    });
    expect(await overdueRoadmapCount(db, { ...filter, today: "2024-09-30" })).toEqual({
      items: 0,
      owners: 0,
    });
    expect(await overdueRoadmapItems(db, { ...filter, today: "2024-10-01" }, 25, 1)).toEqual([]);
    expect(
      await overdueRoadmapItems(db, {
        regionId: tt.regionId,
        municipalityId: tt.municipalityId,
        today: "2024-09-30",
      }),
    ).toEqual([]);
    const coming = await roadmapItemsComingDue(db, {
      regionId: tt.regionId,
      from: "2030-03-01",
      to: "2030-03-31",
    });
    expect(coming.map((i) => i.id)).toEqual([soon.id]);
  });
});

describe("import and export in seed 001's layout", () => {
  it("exports what it imports: sections, numbers, dues, statuses", async () => {
    const tt = await createTenant("roadmap-file");
    signInAs(tt.users.curator);
    const owner = { level: "organisation" as const, ownerId: tt.orgId };
    const bytes = await roadmapXlsx([
      ["1", "2", "3", "4", "5"],
      [1, "Нормативно-правовое регулирование внедрения", null, null, null],
      ["1.1", "Издание распорядительного акта", "сентябрь 2021 г.", "Директор", "Приказ"],
      ["1.2.", "Обучение наставников", "по отдельному плану", "Куратор", "Семинары"],
      [2, "Мониторинг", null, null, null],
      ["2.1", "Проведение внутреннего мониторинга", "март -май 2022 г.", "Куратор", "Аналитическая справка"],
    ]);
    const r = await importRoadmapAction(importForm(owner, bytes));
    expect(r).toMatchObject({ ok: true, data: { rows: 5 } });
    const scope = await scopeRoadmap(tt.users.curator, "organisation", tt.orgId, "view");
    const list = await listRoadmap(scope, "2026-11-30");
    expect(list.map((x) => x.number)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
    expect(list.filter((x) => x.overdue).map((x) => x.title)).toEqual([
      "Издание распорядительного акта",
      "Проведение внутреннего мониторинга",
    ]);

    const exported = await roadmapWorkbook(scope, list);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    const header = wb.worksheets[0].getRow(3).values as unknown[];
    expect(header.slice(1, 6)).toEqual([
      "№ п/п",
      "Наименование мероприятий",
      "Срок реализации",
      "Ответственный исполнитель",
      "Результат, вид документа",
    ]);
    expect(wb.worksheets[0].getRow(5).getCell(3).value).toBe("сентябрь 2021 г.");
    const back = await readRoadmapFile(new Uint8Array(exported));
    expect(back.errors).toEqual([]);
    expect(back.rows.map((x) => [x.isSection, x.title, x.due.date, x.status])).toEqual(
      list.map((x) => [x.isSection, x.title, x.dueDate, x.status]),
    );
    // Replacing with the exported file leaves the same roadmap.
    const replaced = await importRoadmapAction(importForm(owner, exported, "replace"));
    expect(replaced).toMatchObject({ ok: true, data: { rows: 5, replaced: 5 } });
    expect((await listRoadmap(scope, "2026-11-30")).map((x) => `${x.number} ${x.title}`)).toEqual(
      list.map((x) => `${x.number} ${x.title}`),
    );
  });

  it("refuses a file with bad rows, naming each row in Russian, and writes nothing", async () => {
    const tt = await createTenant("roadmap-bad");
    signInAs(tt.users.curator);
    const owner = { level: "organisation" as const, ownerId: tt.orgId };
    const db = await getDb();
    const bytes = await roadmapXlsx([
      ["1.1", "", "сентябрь 2021 г.", "Директор", "Приказ"],
      ["1.2", "Формирование базы", "31.02.2022", "Куратор", ""],
    ]);
    const r = await importRoadmapAction(importForm(owner, bytes));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.formError).toMatch(/Файл не загружен/);
      expect(r.fieldErrors?.file).toEqual([
        "Строка 3: заполните «Наименование мероприятий».",
        expect.stringMatching(/^Строка 4: Срок: такой даты нет/),
      ]);
    }
    const notXlsx = await importRoadmapAction(importForm(owner, Buffer.from("просто текст")));
    expect(notXlsx.ok).toBe(false);
    const rows = await db
      .select()
      .from(roadmapItems)
      .where(and(eq(roadmapItems.organisationId, tt.orgId)));
    expect(rows).toEqual([]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.organisationId, tt.orgId));
    expect(audits).toEqual([]);
  });
});
