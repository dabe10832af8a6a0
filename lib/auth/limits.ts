import "server-only";
import { inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { authLimits } from "@/db/schema";

/** A key and how many attempts it may make in one window. */
export interface Limit {
  key: string;
  max: number;
}

/** Keys longer than this are refused by the callers before anything is stored. */
export const MAX_KEY_LENGTH = 300;
/** About one write in this many also deletes the expired rows: the table holds little more than live keys. */
const CLEANUP_EVERY = 50;

/**
 * Counts one attempt on every key at once (one atomic upsert, so parallel attempts are all counted) and
 * answers the seconds to wait when any key is over its limit, or 0. A window starts at its first attempt.
 */
export async function countAttempt(db: DbOrTx, limits: Limit[], windowMinutes: number): Promise<number> {
  if (limits.some((l) => l.key.length > MAX_KEY_LENGTH)) throw new Error("limit key too long");
  if (Math.random() < 1 / CLEANUP_EVERY) await deleteExpiredLimits(db);
  const resetAt = sql`now() + ${windowMinutes}::int * interval '1 minute'`;
  const rows = await db
    .insert(authLimits)
    .values(limits.map((l) => ({ key: l.key, hits: 1, resetAt })))
    .onConflictDoUpdate({
      target: authLimits.key,
      set: {
        hits: sql`case when auth_limits.reset_at <= now() then 1 else auth_limits.hits + 1 end`,
        resetAt: sql`case when auth_limits.reset_at <= now() then excluded.reset_at else auth_limits.reset_at end`,
      },
    })
    .returning({
      key: authLimits.key,
      hits: authLimits.hits,
      wait: sql<string>`ceil(extract(epoch from ${authLimits.resetAt} - now()))`,
    });
  let wait = 0;
  for (const row of rows) {
    const max = limits.find((l) => l.key === row.key)?.max ?? 0;
    if (row.hits > max) wait = Math.max(wait, Number(row.wait), 1);
  }
  return wait;
}

/** After a success: `clear` keys start afresh, `refund` keys give the attempt back. */
export async function forgiveAttempt(db: DbOrTx, keys: { clear: string[]; refund: string[] }): Promise<void> {
  if (keys.clear.length) await db.delete(authLimits).where(inArray(authLimits.key, keys.clear));
  if (keys.refund.length)
    await db
      .update(authLimits)
      .set({ hits: sql`greatest(${authLimits.hits} - 1, 0)` })
      .where(inArray(authLimits.key, keys.refund));
}

export async function deleteExpiredLimits(db: DbOrTx): Promise<void> {
  await db.delete(authLimits).where(lt(authLimits.resetAt, sql`now()`));
}
