import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, files } from "@/db/schema";
import type { RegisterOrg, ScopedOrg } from "@/lib/auth/scoped";
import { REQUIRED_DOCUMENTS, requiredDocumentsStatus } from "@/lib/organisations/queries";

const columns = {
  id: documents.id,
  type: documents.type,
  number: documents.number,
  date: documents.date,
  title: documents.title,
  inForce: documents.inForce,
  public: documents.public,
  updatedAt: documents.updatedAt,
  fileId: documents.fileId,
  fileName: files.name,
  fileSize: files.size,
};

/** The organisation's documents, newest first. */
export async function listDocuments(org: RegisterOrg) {
  const db = await getDb();
  return db
    .select(columns)
    .from(documents)
    .leftJoin(files, eq(files.id, documents.fileId))
    .where(and(eq(documents.organisationId, org.id), eq(documents.archived, false)))
    .orderBy(desc(documents.date), desc(documents.id));
}

export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];

/** One document of the organisation, or null. */
export async function getDocument(org: RegisterOrg, id: number) {
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(documents)
    .leftJoin(files, eq(files.id, documents.fileId))
    .where(and(eq(documents.id, id), eq(documents.organisationId, org.id), eq(documents.archived, false)));
  return row ?? null;
}

/**
 * The form 1 checklist: for each required type, the document in force that proves it (the latest), or null;
 * which types are missing and whether a curator is appointed come from requiredDocumentsStatus.
 */
export async function requiredDocumentsChecklist(org: ScopedOrg, rows: DocumentRow[]) {
  const status = await requiredDocumentsStatus(org);
  const items = REQUIRED_DOCUMENTS.map((type) => ({
    type,
    document: status.missing.includes(type) ? null : (rows.find((r) => r.type === type && r.inForce) ?? null),
  }));
  return { items, curatorAppointed: status.curatorAppointed };
}

/** The organisation's archived documents, last archived first. */
export async function listArchivedDocuments(org: RegisterOrg) {
  const db = await getDb();
  return db
    .select({
      id: documents.id,
      type: documents.type,
      number: documents.number,
      date: documents.date,
      title: documents.title,
      archivedAt: documents.updatedAt,
    })
    .from(documents)
    .where(and(eq(documents.organisationId, org.id), eq(documents.archived, true)))
    .orderBy(desc(documents.updatedAt), desc(documents.id));
}
