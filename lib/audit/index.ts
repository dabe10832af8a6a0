import "server-only";
import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db";

/** Fields of a person that are recorded as changed, never with their values. */
const PERSONAL_FIELDS = new Set([
  "surname",
  "name",
  "patronymic",
  "birthYear",
  "request",
  "phone",
  "email",
  "grade",
]);

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  organisationId?: number | null;
  municipalityId?: number | null;
  changes?: Record<string, unknown>;
}

/** Writes an audit record in the caller's transaction: if it fails, the write it records fails too. */
export async function audit(tx: DbOrTx, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  // Several records (a programme and its pairs, say) go in one statement.
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      userId: e.userId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId == null ? null : String(e.entityId),
      organisationId: e.organisationId ?? null,
      municipalityId: e.municipalityId ?? null,
      changes: e.changes ? redact(e.changes) : null,
    })),
  );
}

export function redact(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [k, PERSONAL_FIELDS.has(k) ? "(изменено)" : v]),
  );
}

/** The fields of `next` that differ from `prev`, as { field: [old, new] }. */
export function diff<T extends Record<string, unknown>>(prev: T, next: Partial<T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v !== undefined && JSON.stringify(prev[k]) !== JSON.stringify(v)) out[k] = [prev[k], v];
  }
  return out;
}
