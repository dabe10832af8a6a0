import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { documents, files } from "@/db/schema";
import { diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { fileSummary, insertFile, readUpload } from "@/lib/files/store";
import {
  archiveMutations,
  insertRecord,
  lockFresh,
  registerWrite,
  saveRecord,
  type RecordKind,
} from "@/lib/registry/record";
import type { documentCreateSchema, documentUpdateSchema } from "./schemas";

/** The register's documents: audit name and refusals (lib/registry/record). */
export const DOCUMENT: RecordKind<typeof documents> = {
  table: documents,
  entity: "document",
  what: "Документ",
  archived: "Документ не найден: возможно, его уже убрали в архив.",
  notArchived: "Документа нет в архиве: возможно, его уже вернули.",
  noted: "title",
};

type CreateInput = z.output<typeof documentCreateSchema>;

function fieldsOf(input: CreateInput) {
  const { type, number, date, title, inForce } = input;
  return { type, number, date, title, inForce, public: input.public };
}

/** Adds a document and its file in one transaction with the audit record. */
export async function createDocument(user: SessionUser, org: EditableOrg, input: CreateInput) {
  return registerWrite(user, org, async (w) => {
    const upload = input.file ? await readUpload(input.file) : null;
    const fileId = upload ? await insertFile(w.tx, org, upload) : null;
    const fields = fieldsOf(input);
    return insertRecord(w, DOCUMENT, { ...fields, fileId }, { ...fields, file: fileSummary(upload) });
  });
}

/** Saves an edit; a new file replaces the old one, whose row is removed in the same transaction. */
export async function updateDocument(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof documentUpdateSchema>,
) {
  return registerWrite(user, org, async (w) => {
    const { tx } = w;
    const doc = await lockFresh(tx, DOCUMENT, org, input);
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
    const saved = await saveRecord(w, DOCUMENT, doc.id, { ...fields, fileId }, edits);
    if (upload && doc.fileId) await tx.delete(files).where(eq(files.id, doc.fileId));
    return saved;
  });
}

/**
 * Archiving takes a document off the register, the checklist and the public page; restoring brings it back (to
 * the public page too, if it is public).
 */
export const { archive: archiveDocument, restore: restoreDocument } = archiveMutations(DOCUMENT);
