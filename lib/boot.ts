/**
 * The start-up sequence: migrate → the demo region when wanted → indicator aggregates current. db/ migrates;
 * importing this module hands it the rest as its boot step, so the first getDb() of the process runs all of it.
 * instrumentation.ts, the scripts that need a ready database and the test setup import it.
 */
import { getHandle, setBootStep, type DbHandle } from "@/db";
import { env } from "./env";

async function afterMigrations(handle: DbHandle): Promise<void> {
  const e = env();
  const demoWanted = e.DEMO_SEED === "yes" || (e.DEMO_SEED === "auto" && handle.kind === "pglite");
  if (demoWanted) {
    // Loaded only when it runs: no server bundle carries the demo generator and its texts.
    const { ensureDemo } = await import("./demo");
    await ensureDemo(handle.db, { log: (m) => console.log(`[seed] ${m}`) });
  }
  const { ensureAggregatesCurrent } = await import("./indicators/facts");
  if (await ensureAggregatesCurrent(handle.db)) console.log("[db] агрегаты показателей пересобраны");
}

setBootStep(afterMigrations);

/** The process's database, opened, migrated and booted (once); what the server awaits as it starts. */
export function boot(): Promise<DbHandle> {
  return getHandle();
}
