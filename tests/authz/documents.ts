import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, documents, files } from "@/db/schema";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

const ascii = (s: string) => Buffer.from(s, "latin1");

/** Small files whose first bytes are what real ones start with (shared with tests/documents and tests/files). */
export const sample = {
  pdf: () => ascii("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"),
  png: () =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0, 0, 0, 13, 0, 255, 10]),
    ]),
  jpeg: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  docx: () =>
    Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      ascii("[Content_Types].xml<Types/>PK\x03\x04word/document.xml<w:document/>"),
    ]),
  odt: () =>
    Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      ascii("mimetypeapplication/vnd.oasis.opendocument.textPK\x03\x04content.xml"),
    ]),
  exe: () =>
    Buffer.concat([ascii("MZ\x90\x00\x03\x00\x00\x00"), ascii("This program cannot be run in DOS mode.")]),
};

export function file(bytes: Buffer, name: string, type = "") {
  return new File([new Uint8Array(bytes)], name, { type });
}

/** FormData as the browser form sends it. */
export function formData(fields: Record<string, string | number | boolean | File | undefined>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (v instanceof File) data.append(k, v, v.name);
    else data.append(k, String(v));
  }
  return data;
}

export function documentFields(
  organisationId: number,
  patch: Record<string, string | File | undefined> = {},
) {
  return formData({
    organisationId,
    type: "model_introduction",
    number: "12-од",
    date: "2024-09-01",
    title: "О внедрении целевой модели наставничества",
    inForce: "true",
    public: "true",
    file: file(sample.pdf(), "prikaz-12.pdf", "application/pdf"),
    ...patch,
  });
}

/** A document written straight to the database, for attempts on an existing record. */
export async function seedDocument(
  organisationId: number,
  patch: Partial<typeof documents.$inferInsert> = {},
) {
  const db = await getDb();
  const [doc] = await db
    .insert(documents)
    .values({
      organisationId,
      type: "roadmap",
      number: "1",
      date: "2024-01-15",
      title: "Дорожная карта",
      ...patch,
    })
    .returning();
  return doc;
}

/** Everything a refused write could have left behind in the organisation. */
export async function footprint(orgId: number) {
  const db = await getDb();
  const d = await db.select({ id: documents.id }).from(documents).where(eq(documents.organisationId, orgId));
  const f = await db.select({ id: files.id }).from(files).where(eq(files.organisationId, orgId));
  const a = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.organisationId, orgId));
  return { documents: d.length, files: f.length, audit: a.length };
}

export async function load(id: number) {
  const db = await getDb();
  const [doc] = await db.select().from(documents).where(eq(documents.id, id));
  const [stored] = doc.fileId ? await db.select().from(files).where(eq(files.id, doc.fileId)) : [];
  return { doc, stored };
}

export async function auditOf(id: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "document"), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
}

export const rows: Record<string, MatrixRow> = {
  createDocumentAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { createDocumentAction } = await import("@/lib/registry/documents/actions");
      return ctx.act(() => createDocumentAction(documentFields(targetOrg(ctx))));
    },
  },
  updateDocumentAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { updateDocumentAction } = await import("@/lib/registry/documents/actions");
      const orgId = targetOrg(ctx);
      const doc = await seedDocument(orgId);
      const data = documentFields(orgId, { id: String(doc.id), updatedAt: doc.updatedAt.toISOString() });
      return ctx.act(() => updateDocumentAction(data));
    },
  },
  archiveDocumentAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { archiveDocumentAction } = await import("@/lib/registry/documents/actions");
      const orgId = targetOrg(ctx);
      const doc = await seedDocument(orgId);
      return ctx.act(() =>
        archiveDocumentAction({
          id: doc.id,
          organisationId: orgId,
          updatedAt: doc.updatedAt.toISOString(),
        }),
      );
    },
  },
  restoreDocumentAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { restoreDocumentAction } = await import("@/lib/registry/documents/actions");
      const orgId = targetOrg(ctx);
      const doc = await seedDocument(orgId, { archived: true });
      return ctx.act(() => restoreDocumentAction({ id: doc.id, organisationId: orgId }));
    },
  },
};
