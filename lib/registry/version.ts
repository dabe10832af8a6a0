import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog, users } from "@/db/schema";
import { assertUnchanged } from "@/lib/concurrency";

/**
 * The registers' optimistic lock: refuses a save made over a newer version of the record with the one conflict
 * message of lib/concurrency, naming who saved it last (from the audit log, which every write fills) and when.
 * `what` is the record in the accusative, capitalised: «Программу», «Документ».
 */
export async function assertFresh(
  tx: DbOrTx,
  record: { entity: string; id: number | string; updatedAt: Date },
  expected: string | undefined,
  what: string,
) {
  const seen = new Date(expected ?? "").getTime();
  if (record.updatedAt.getTime() === seen) return;
  const [last] = await tx
    .select({ at: auditLog.at, name: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, record.entity), eq(auditLog.entityId, String(record.id))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  assertUnchanged(what, record.updatedAt, seen, { changedAt: last?.at, by: last?.name });
}
