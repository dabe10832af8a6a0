import { vi } from "vitest";
import { getDb } from "@/db";

/** Counts the statements drizzle sends outside transactions while `fn` runs (through its logger). */
export async function statements<T>(fn: () => Promise<T>): Promise<{ value: T; count: number }> {
  const db = await getDb();
  const logger = (db as unknown as { session: { logger: { logQuery: (...a: unknown[]) => void } } }).session
    .logger;
  const spy = vi.spyOn(logger, "logQuery");
  try {
    const value = await fn();
    return { value, count: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}
