import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog, users } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

/**
 * Optimistic version check: refuses a save made over a newer version of the record and says who saved it
 * last (from the audit log, which every write fills) and when.
 */
export async function assertFresh(
  tx: DbOrTx,
  record: { entity: string; id: number; updatedAt: Date },
  expected: string,
  what: string,
) {
  const seen = new Date(expected);
  if (!Number.isNaN(seen.getTime()) && record.updatedAt.getTime() === seen.getTime()) return;
  const [last] = await tx
    .select({ at: auditLog.at, name: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, record.entity), eq(auditLog.entityId, String(record.id))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  const who = last?.name ? `${last.name}, ${formatDateTime(last.at)}` : formatDateTime(record.updatedAt);
  throw new ConflictError(
    `${what} уже изменили (${who}), пока вы её редактировали. Обновите страницу, чтобы увидеть новые данные, и внесите правки снова.`,
  );
}
