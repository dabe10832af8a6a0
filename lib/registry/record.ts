import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import type { documents, events, mentorships, persons, programmes } from "@/db/schema";
import { audit, type AuditEntry } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { NotFoundError } from "@/lib/errors";
import { assertFresh } from "@/lib/registry/version";

/** The register tables: every row belongs to one organisation and goes to the archive instead of away. */
type RegisterTable =
  typeof documents | typeof events | typeof programmes | typeof mentorships | typeof persons;
type Row<T extends RegisterTable> = T["$inferSelect"];

/** drizzle cannot build a query over a union of tables; queries use one of them, callers see `Row<T>`. */
const tableOf = (kind: { table: RegisterTable }) => kind.table as typeof events;

/** One kind of register record: its table, its name in the audit log and its refusals in its own words. */
export interface RecordKind<T extends RegisterTable> {
  table: T;
  entity: string;
  /** The record in the accusative, capitalised, for the conflict message: «Документ», «Программу». */
  what: string;
  /** An unknown id or another organisation's record; by default the refusal of the state asked for. */
  missing?: string;
  /** Changing or archiving a record that is in the archive. */
  archived?: string;
  /** Restoring a record that is not in the archive. */
  notArchived?: string;
  /** The column the archive and restore audit records name besides the flag (a title, the programme). */
  noted?: keyof Row<T> & string;
}

/** A record named by a form: its id and, to change it, the version the form was opened on. */
type VersionedId = { id: number; updatedAt?: string };

/** A register write: who makes it, for which organisation, in which transaction. */
export interface Write {
  tx: Tx;
  user: SessionUser;
  org: EditableOrg;
}

/**
 * Runs a register write in one transaction; the organisation's public page follows after the commit, since
 * every register feeds it (lists, counts, documents, events).
 */
export function registerWrite<R>(user: SessionUser, org: EditableOrg, write: (w: Write) => Promise<R>) {
  return writeTransaction(async (tx, changes) => {
    const result = await write({ tx, user, org });
    changes.organisation(org.id);
    return result;
  });
}

type Stamped = Pick<AuditEntry, "action" | "entity" | "entityId" | "changes">;

/** Audit records of the write, stamped with the user and the organisation (one insert for several). */
export function auditWrite({ tx, user, org }: Write, entries: Stamped | Stamped[]) {
  const stamp = { userId: user.id, organisationId: org.id, municipalityId: org.municipalityId };
  const stamped = [entries].flat().map((e) => ({ ...stamp, ...e }));
  return audit(tx, stamped);
}

/**
 * The organisation's record, locked for the transaction, in the state asked for: "live" to change or archive
 * it, "archived" to restore it, "any". Another organisation's id is refused like an unknown one.
 */
export async function lockRecord<T extends RegisterTable>(
  tx: Tx,
  kind: RecordKind<T>,
  org: EditableOrg,
  id: number,
  state: "live" | "archived" | "any",
): Promise<Row<T>> {
  const table = tableOf(kind);
  const [row] = await tx
    .select()
    .from(table)
    .where(and(eq(table.id, id), eq(table.organisationId, org.id)))
    .for("no key update");
  const refusal = state === "archived" ? kind.notArchived : kind.archived;
  if (!row) throw new NotFoundError(kind.missing ?? refusal);
  if (state !== "any" && row.archived !== (state === "archived")) throw new NotFoundError(refusal);
  return row as Row<T>;
}

/** The live record to change, refused when someone saved it after the form was opened (`updatedAt`). */
export async function lockFresh<T extends RegisterTable>(
  tx: Tx,
  kind: RecordKind<T>,
  org: EditableOrg,
  input: VersionedId,
  state: "live" | "any" = "live",
): Promise<Row<T>> {
  const row = await lockRecord(tx, kind, org, input.id, state);
  await assertFresh(
    tx,
    { entity: kind.entity, id: row.id, updatedAt: row.updatedAt },
    input.updatedAt,
    kind.what,
  );
  return row;
}

/** Inserts a record of the organisation with its «create» audit record. */
export async function insertRecord<T extends RegisterTable>(
  w: Write,
  kind: RecordKind<T>,
  values: Omit<T["$inferInsert"], "organisationId">,
  changes: Record<string, unknown>,
) {
  const table = tableOf(kind);
  const [row] = await w.tx
    .insert(table)
    .values({ ...(values as typeof events.$inferInsert), organisationId: w.org.id })
    .returning({ id: table.id, updatedAt: table.updatedAt });
  await auditWrite(w, { action: "create", entity: kind.entity, entityId: row.id, changes });
  return { id: row.id, updatedAt: row.updatedAt.toISOString() };
}

/** Saves fields of a locked record with its «update» audit record (`edits`: what changed, as recorded). */
export async function saveRecord<T extends RegisterTable>(
  w: Write,
  kind: RecordKind<T>,
  id: number,
  fields: Partial<T["$inferInsert"]>,
  edits: Record<string, unknown>,
) {
  const table = tableOf(kind);
  const [saved] = await w.tx
    .update(table)
    .set({ ...(fields as Partial<typeof events.$inferInsert>), updatedAt: new Date() })
    .where(eq(table.id, id))
    .returning({ updatedAt: table.updatedAt });
  await auditWrite(w, { action: "update", entity: kind.entity, entityId: id, changes: edits });
  return { id, updatedAt: saved.updatedAt.toISOString() };
}

/**
 * Moves a record to the archive, or brings it back: the lock (with the version check when archiving), the flag
 * and the audit record, in one transaction. Returns the record as it was.
 */
export function setRecordArchived<T extends RegisterTable>(
  user: SessionUser,
  org: EditableOrg,
  kind: RecordKind<T>,
  input: VersionedId,
  archived: boolean,
): Promise<Row<T>> {
  return registerWrite(user, org, async (w) => {
    const row = archived
      ? await lockFresh(w.tx, kind, org, input)
      : await lockRecord(w.tx, kind, org, input.id, "archived");
    const table = tableOf(kind);
    await w.tx.update(table).set({ archived, updatedAt: new Date() }).where(eq(table.id, row.id));
    await auditWrite(w, {
      action: archived ? "archive" : "restore",
      entity: kind.entity,
      entityId: row.id,
      changes: { archived: [!archived, archived], ...(kind.noted && { [kind.noted]: row[kind.noted] }) },
    });
    return row;
  });
}

/** The archive and restore mutations of a register whose actions answer with the record's id alone. */
export function archiveMutations<T extends RegisterTable>(kind: RecordKind<T>) {
  const move = (archived: boolean) => async (user: SessionUser, org: EditableOrg, input: VersionedId) => {
    const row = await setRecordArchived(user, org, kind, input, archived);
    return { id: row.id };
  };
  return { archive: move(true), restore: move(false) };
}
