import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { files } from "@/db/schema";
import { documentTypeEnum } from "@/db/schema/enums";
import { scopeOrg } from "@/lib/auth/scoped";
import {
  archiveDocumentAction,
  restoreDocumentAction,
  createDocumentAction,
  updateDocumentAction,
} from "@/lib/registry/documents/actions";
import {
  listArchivedDocuments,
  listDocuments,
  requiredDocumentsChecklist,
} from "@/lib/registry/documents/queries";
import { DOCUMENT_TYPES } from "@/lib/registry/documents/schemas";
import { auditOf, documentFields, file, footprint, load, sample, seedDocument } from "./authz/documents";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("docs");
});

function expectRefused(result: { ok: boolean }, field: string, message: RegExp) {
  expect(result.ok).toBe(false);
  const r = result as { fieldErrors?: Record<string, string[]>; formError?: string };
  expect(r.formError).toBe("Проверьте выделенные поля.");
  expect(r.fieldErrors?.[field]?.join(" ")).toMatch(message);
}

describe("document register: writes", () => {
  it("keeps the form's list of types in step with the database enum", () => {
    expect([...DOCUMENT_TYPES]).toEqual(documentTypeEnum.enumValues);
  });

  it("creates a document with a PDF, stores its bytes and audits without them", async () => {
    signInAs(t.users.curator);
    const result = await createDocumentAction(documentFields(t.orgId));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const { doc, stored } = await load(result.data.id);
    expect(doc).toMatchObject({
      type: "model_introduction",
      number: "12-од",
      date: "2024-09-01",
      inForce: true,
      public: true,
    });
    expect(stored).toMatchObject({ name: "prikaz-12.pdf", mime: "application/pdf", organisationId: t.orgId });
    expect(Buffer.from(stored.data).equals(sample.pdf())).toBe(true);
    const [record] = await auditOf(doc.id);
    expect(record).toMatchObject({ action: "create", userId: t.users.curator.id, organisationId: t.orgId });
    expect(record.changes).toMatchObject({
      title: doc.title,
      file: { name: "prikaz-12.pdf", size: sample.pdf().length },
    });
    expect(JSON.stringify(record.changes)).not.toContain("%PDF");
  });

  it("creates one with a PNG, edits it with a new file and the old file goes", async () => {
    signInAs(t.users.curator);
    const created = await createDocumentAction(
      documentFields(t.orgId, { type: "pairs_assignment", file: file(sample.png(), "Скан приказа.png") }),
    );
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    const first = await load(created.data.id);
    expect(first.stored).toMatchObject({ name: "Скан приказа.png", mime: "image/png" });

    const updated = await updateDocumentAction(
      documentFields(t.orgId, {
        id: String(created.data.id),
        updatedAt: created.data.updatedAt,
        type: "pairs_assignment",
        number: "45",
        date: "15.10.2024",
        inForce: "false",
        public: "false",
        file: file(sample.pdf(), "prikaz-45.pdf"),
      }),
    );
    expect(updated.ok, JSON.stringify(updated)).toBe(true);
    const second = await load(created.data.id);
    expect(second.doc).toMatchObject({ number: "45", date: "2024-10-15", inForce: false, public: false });
    expect(second.stored.name).toBe("prikaz-45.pdf");
    const db = await getDb();
    expect(await db.select().from(files).where(eq(files.id, first.stored.id))).toEqual([]);
    const records = await auditOf(created.data.id);
    expect(records.map((r) => r.action)).toEqual(["create", "update"]);
    expect(records[1].changes).toMatchObject({
      number: ["12-од", "45"],
      inForce: [true, false],
      file: [{ name: "Скан приказа.png" }, { name: "prikaz-45.pdf" }],
    });
  });

  it("keeps the file when an edit brings none, and archives the document", async () => {
    signInAs(t.users.admin);
    const doc = await seedDocument(t.orgId, { title: "Старое название" });
    const edit = await updateDocumentAction(
      documentFields(t.orgId, {
        id: String(doc.id),
        updatedAt: doc.updatedAt.toISOString(),
        file: undefined,
      }),
    );
    expect(edit.ok, JSON.stringify(edit)).toBe(true);
    if (!edit.ok) return;
    const archived = await archiveDocumentAction({
      id: doc.id,
      organisationId: t.orgId,
      updatedAt: edit.data.updatedAt,
    });
    expect(archived.ok).toBe(true);
    expect((await load(doc.id)).doc.archived).toBe(true);
    const org = await scopeOrg(t.users.curator, t.orgId, "registers");
    expect((await listDocuments(org)).some((d) => d.id === doc.id)).toBe(false);
    expect((await listArchivedDocuments(org)).map((d) => d.id)).toContain(doc.id);
    // Back from the archive, once: a second restore finds nothing to restore and writes nothing.
    expect(await restoreDocumentAction({ id: doc.id, organisationId: t.orgId })).toMatchObject({ ok: true });
    expect((await listDocuments(org)).some((d) => d.id === doc.id)).toBe(true);
    expect(await restoreDocumentAction({ id: doc.id, organisationId: t.orgId })).toMatchObject({
      ok: false,
      formError: "Документа нет в архиве: возможно, его уже вернули.",
    });
    expect((await auditOf(doc.id)).map((r) => [r.action, r.userId])).toEqual([
      ["update", t.users.admin.id],
      ["archive", t.users.admin.id],
      ["restore", t.users.admin.id],
    ]);
    // The journal names the document it moved, so the record reads without the register.
    expect((await auditOf(doc.id)).slice(1).map((r) => r.changes)).toEqual([
      { archived: [false, true], title: "О внедрении целевой модели наставничества" },
      { archived: [true, false], title: "О внедрении целевой модели наставничества" },
    ]);
  });

  it("accepts DOCX, ODT and JPEG", async () => {
    signInAs(t.users.curator);
    for (const [bytes, name, mime] of [
      [sample.docx(), "polozhenie.docx", "wordprocessingml"],
      [sample.odt(), "programma.odt", "opendocument.text"],
      [sample.jpeg(), "foto.JPG", "image/jpeg"],
    ] as const) {
      const result = await createDocumentAction(documentFields(t.orgId, { file: file(bytes, name) }));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) expect((await load(result.data.id)).stored.mime).toContain(mime);
    }
  });
});

describe("document register: refusals write nothing", () => {
  const cases: [string, () => FormData, string, RegExp][] = [
    [
      "an .exe renamed to .pdf",
      () => documentFields(t.orgId, { file: file(sample.exe(), "prikaz.pdf") }),
      "file",
      /не похоже на PDF/,
    ],
    [
      "a PDF named .docx",
      () => documentFields(t.orgId, { file: file(sample.pdf(), "prikaz.docx") }),
      "file",
      /не похоже на DOCX/,
    ],
    [
      "an .exe",
      () => documentFields(t.orgId, { file: file(sample.exe(), "setup.exe") }),
      "file",
      /«\.exe» не принимаются/,
    ],
    [
      "a file over 10 MB",
      () =>
        documentFields(t.orgId, {
          file: file(Buffer.concat([sample.pdf(), Buffer.alloc(11 * 1024 * 1024)]), "big.pdf"),
        }),
      "file",
      /не больше 10 МБ/,
    ],
    [
      "an empty file",
      () => documentFields(t.orgId, { file: file(Buffer.alloc(0), "empty.pdf") }),
      "file",
      /пустой/,
    ],
    ["a missing title", () => documentFields(t.orgId, { title: "   " }), "title", /Название: заполните поле/],
    [
      "no title at all",
      () => documentFields(t.orgId, { title: undefined }),
      "title",
      /Название: заполните поле/,
    ],
    [
      "a date in a wrong format",
      () => documentFields(t.orgId, { date: "2024/09/01" }),
      "date",
      /ДД\.ММ\.ГГГГ/,
    ],
    [
      "a date not in the calendar",
      () => documentFields(t.orgId, { date: "2024-02-30" }),
      "date",
      /ДД\.ММ\.ГГГГ/,
    ],
    ["no date", () => documentFields(t.orgId, { date: "" }), "date", /укажите дату/],
    [
      "a type not in the list",
      () => documentFields(t.orgId, { type: "order" }),
      "type",
      /выберите вид из списка/,
    ],
  ];
  for (const [label, input, field, message] of cases) {
    it(`refuses ${label} with a Russian message`, async () => {
      signInAs(t.users.curator);
      const before = await footprint(t.orgId);
      expectRefused(await createDocumentAction(input()), field, message);
      expect(await footprint(t.orgId)).toEqual(before);
    });
  }

  it("returns every field's message at once", async () => {
    signInAs(t.users.curator);
    const result = await createDocumentAction(
      documentFields(t.orgId, { title: "", date: "вчера", type: "x" }),
    );
    expect(Object.keys((result as { fieldErrors?: object }).fieldErrors ?? {}).sort()).toEqual([
      "date",
      "title",
      "type",
    ]);
  });
});

describe("document register: scope and conflicts", () => {
  it("refuses another organisation's register and the coordinator", async () => {
    const sibling = await seedDocument(t.siblingOrgId);
    const own = await seedDocument(t.orgId);
    const before = { own: await footprint(t.orgId), sibling: await footprint(t.siblingOrgId) };
    signInAs(t.users.curator);
    expect(await createDocumentAction(documentFields(t.siblingOrgId))).toMatchObject({
      ok: false,
      formError: "Организация не найдена или недоступна.",
    });
    const stamp = sibling.updatedAt.toISOString();
    // Another organisation's document under one's own organisation id: still not found.
    expect(
      await updateDocumentAction(documentFields(t.orgId, { id: String(sibling.id), updatedAt: stamp })),
    ).toMatchObject({ ok: false, formError: expect.stringMatching(/Документ не найден/) });
    expect(
      await archiveDocumentAction({ id: sibling.id, organisationId: t.siblingOrgId, updatedAt: stamp }),
    ).toMatchObject({
      ok: false,
      formError: "Организация не найдена или недоступна.",
    });
    signInAs(t.users.coordinator);
    expect(await createDocumentAction(documentFields(t.orgId))).toMatchObject({
      ok: false,
      formError: "Недостаточно прав для этого действия.",
    });
    expect(
      await archiveDocumentAction({
        id: own.id,
        organisationId: t.orgId,
        updatedAt: own.updatedAt.toISOString(),
      }),
    ).toMatchObject({ ok: false });
    expect({ own: await footprint(t.orgId), sibling: await footprint(t.siblingOrgId) }).toEqual(before);
    expect((await load(sibling.id)).doc.archived).toBe(false);
  });

  it("refuses a save over a newer version and loses nothing", async () => {
    signInAs(t.users.curator);
    const doc = await seedDocument(t.orgId);
    const stale = doc.updatedAt.toISOString();
    const first = await updateDocumentAction(
      documentFields(t.orgId, { id: String(doc.id), updatedAt: stale, number: "A" }),
    );
    expect(first.ok).toBe(true);
    const second = await updateDocumentAction(
      documentFields(t.orgId, { id: String(doc.id), updatedAt: stale, number: "B" }),
    );
    expect(second).toMatchObject({ ok: false, formError: expect.stringMatching(/уже изменили/) });
    expect(
      await archiveDocumentAction({ id: doc.id, organisationId: t.orgId, updatedAt: stale }),
    ).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/уже изменили/),
    });
    expect((await load(doc.id)).doc).toMatchObject({ number: "A", archived: false });
  });
});

describe("required documents checklist", () => {
  it("shows each of the four in force with its number and date, and what is missing", async () => {
    const tenant = await createTenant("docs-check");
    signInAs(tenant.users.curator);
    await seedDocument(tenant.orgId, { type: "model_introduction", number: "7", date: "2023-08-30" });
    await seedDocument(tenant.orgId, { type: "regulation_approval", number: "8", inForce: false });
    const org = await scopeOrg(tenant.users.curator, tenant.orgId, "registers");
    const check = await requiredDocumentsChecklist(org, await listDocuments(org));
    expect(check.items.map((i) => [i.type, i.document?.number ?? null, i.document?.date ?? null])).toEqual([
      ["model_introduction", "7", "2023-08-30"],
      ["regulation_approval", null, null],
      ["pairs_assignment", null, null],
      ["personalised_programme", null, null],
    ]);
    expect(check.curatorAppointed).toBe(false);
  });
});
