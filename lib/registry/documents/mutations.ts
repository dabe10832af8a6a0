import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { documents, files } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { NotFoundError } from "@/lib/errors";
import { fileSummary, insertFile, readUpload } from "@/lib/files/store";
import { assertFresh } from "@/lib/registry/version";
import type {
  documentArchiveSchema,
  documentCreateSchema,
  documentRestoreSchema,
  documentUpdateSchema,
} from "./schemas";

type CreateInput = z.output<typeof documentCreateSchema>;
type UpdateInput = z.output<typeof documentUpdateSchema>;
type ArchiveInput = z.output<typeof documentArchiveSchema>;
type RestoreInput = z.output<typeof documentRestoreSchema>;

function fieldsOf(input: CreateInput) {
  const { type, number, date, title, inForce } = input;
  return { type, number, date, title, inForce, public: input.public };
}

/** The organisation's document, locked for the transaction; refuses one changed since the form was opened. */
async function lockDocument(tx: Tx, org: EditableOrg, input: ArchiveInput) {
  const [doc] = await tx
    .select()
    .from(documents)
    .where(
      and(eq(documents.id, input.id), eq(documents.organisationId, org.id), eq(documents.archived, false)),
    )
    .for("update");
  if (!doc) throw new NotFoundError("Документ не найден: возможно, его уже убрали в архив.");
  await assertFresh(tx, { entity: "document", ...doc }, input.updatedAt, "Документ");
  return doc;
}

/** Adds a document and its file in one transaction with the audit record. */
export async function createDocument(user: SessionUser, org: EditableOrg, input: CreateInput) {
  return writeTransaction(async (tx, changes) => {
    const upload = input.file ? await readUpload(input.file) : null;
    const fileId = upload ? await insertFile(tx, org, upload) : null;
    const fields = fieldsOf(input);
    const [doc] = await tx
      .insert(documents)
      .values({ organisationId: org.id, ...fields, fileId })
      .returning({ id: documents.id, updatedAt: documents.updatedAt });
    await audit(tx, {
      userId: user.id,
      action: "create",
      entity: "document",
      entityId: doc.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { ...fields, file: fileSummary(upload) },
    });
    changes.organisation(org.id);
    return { id: doc.id, updatedAt: doc.updatedAt.toISOString() };
  });
}

/** Saves an edit; a new file replaces the old one, whose row is removed in the same transaction. */
export async function updateDocument(user: SessionUser, org: EditableOrg, input: UpdateInput) {
  return writeTransaction(async (tx, changes) => {
    const doc = await lockDocument(tx, org, input);
    const upload = input.file ? await readUpload(input.file) : null;
    const fields = fieldsOf(input);
    const edits = diff(doc as unknown as Record<string, unknown>, fields);
    let fileId = doc.fileId;
    if (upload) {
      const [old] = doc.fileId
        ? await tx
            .select({ name: files.name, size: files.size, mime: files.mime })
            .from(files)
            .where(eq(files.id, doc.fileId))
        : [];
      edits.file = [fileSummary(old ?? null), fileSummary(upload)];
      fileId = await insertFile(tx, org, upload);
    }
    const [saved] = await tx
      .update(documents)
      .set({ ...fields, fileId, updatedAt: new Date() })
      .where(eq(documents.id, doc.id))
      .returning({ updatedAt: documents.updatedAt });
    if (upload && doc.fileId) await tx.delete(files).where(eq(files.id, doc.fileId));
    await audit(tx, {
      userId: user.id,
      action: "update",
      entity: "document",
      entityId: doc.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: edits,
    });
    changes.organisation(org.id);
    return { id: doc.id, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Moves a document to the archive: it leaves the register, the checklist and the public page. */
export async function archiveDocument(user: SessionUser, org: EditableOrg, input: ArchiveInput) {
  return writeTransaction(async (tx, changes) => {
    const doc = await lockDocument(tx, org, input);
    await tx.update(documents).set({ archived: true, updatedAt: new Date() }).where(eq(documents.id, doc.id));
    await audit(tx, {
      userId: user.id,
      action: "archive",
      entity: "document",
      entityId: doc.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { archived: [false, true], title: doc.title },
    });
    changes.organisation(org.id);
    return { id: doc.id };
  });
}

/** Brings an archived document back to the register (and, if public, to the public page). */
export async function restoreDocument(user: SessionUser, org: EditableOrg, input: RestoreInput) {
  return writeTransaction(async (tx, changes) => {
    const [doc] = await tx
      .select()
      .from(documents)
      .where(
        and(eq(documents.id, input.id), eq(documents.organisationId, org.id), eq(documents.archived, true)),
      )
      .for("update");
    if (!doc) throw new NotFoundError("Документа нет в архиве: возможно, его уже вернули.");
    await tx
      .update(documents)
      .set({ archived: false, updatedAt: new Date() })
      .where(eq(documents.id, doc.id));
    await audit(tx, {
      userId: user.id,
      action: "restore",
      entity: "document",
      entityId: doc.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { archived: [true, false], title: doc.title },
    });
    changes.organisation(org.id);
    return { id: doc.id };
  });
}
