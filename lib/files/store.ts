import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { documents, files, organisations } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeOrg, type EditableOrg } from "@/lib/auth/scoped";
import { DomainError, NotFoundError } from "@/lib/errors";
import { safeFileName } from "./disposition";
import { checkFile } from "./validation";

export interface Upload {
  name: string;
  mime: string;
  size: number;
  data: Buffer;
}

/** Reads an uploaded File and checks it by content; a refusal is a DomainError on `field`. */
export async function readUpload(file: File, field = "file"): Promise<Upload> {
  const data = Buffer.from(await file.arrayBuffer());
  const name = safeFileName(file.name);
  const checked = checkFile(name, data);
  if (!checked.ok) throw new DomainError("Проверьте выделенные поля.", { [field]: [checked.message] });
  return { name, mime: checked.mime, size: data.length, data };
}

/** Stores the bytes in the database (so a backup holds them) in the caller's transaction. */
export async function insertFile(tx: DbOrTx, org: EditableOrg, upload: Upload) {
  const [row] = await tx
    .insert(files)
    .values({ organisationId: org.id, ...upload })
    .returning({ id: files.id });
  return row.id;
}

/** What the audit records of a file: never its bytes. */
export function fileSummary(upload: Pick<Upload, "name" | "size" | "mime"> | null) {
  return upload ? { name: upload.name, size: upload.size, mime: upload.mime } : null;
}

/** PGlite returns bytea as Uint8Array, postgres.js as Buffer. */
export function toBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Whether the signed-in user may read the organisation's registers (and so its every file). */
async function readsRegisters(user: SessionUser | null, organisationId: number): Promise<boolean> {
  if (!user) return false;
  try {
    await scopeOrg(user, organisationId, "registers");
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/**
 * A file for download, or null (→ 404): for whoever may read the organisation's registers, and for anyone
 * (signed in or not) when it belongs to a public document in force of an active organisation.
 * `published` sets the caching.
 */
export async function fileForDownload(user: SessionUser | null, id: number) {
  const db = await getDb();
  const [meta] = await db
    .select({
      name: files.name,
      mime: files.mime,
      organisationId: files.organisationId,
      orgArchived: organisations.archived,
    })
    .from(files)
    .innerJoin(organisations, eq(organisations.id, files.organisationId))
    .where(eq(files.id, id))
    .limit(1);
  if (!meta) return null;
  const [published] = meta.orgArchived
    ? []
    : await db
        .select({ id: documents.id })
        .from(documents)
        .where(
          and(
            eq(documents.fileId, id),
            eq(documents.public, true),
            eq(documents.inForce, true),
            eq(documents.archived, false),
          ),
        )
        .limit(1);
  if (!published && !(await readsRegisters(user, meta.organisationId))) return null;
  const [row] = await db.select({ data: files.data }).from(files).where(eq(files.id, id));
  return { name: meta.name, mime: meta.mime, data: toBuffer(row.data), published: Boolean(published) };
}
