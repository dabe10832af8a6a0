import { migrateDb, openDb, type Db, type DbHandle } from "./client";
import { dbTarget, type DbTarget } from "./env";
import { lockDataDir } from "./lock";

export type { Db, Tx, DbOrTx, DbHandle } from "./client";

/** What runs once after the migrations, before anyone gets the database (the demo region, the aggregates). */
export type BootStep = (handle: DbHandle) => Promise<void>;

const KEY = Symbol.for("nastavnik.db");
type State = { handle?: Promise<DbHandle>; boot?: BootStep };

// db/ opens and migrates but knows nothing of the domain: lib/boot.ts hands it the rest of the start-up as a
// step when imported (instrumentation, scripts, the test setup), and the first getDb() runs it once. Kept on
// globalThis: every Next.js bundle has its own copy of this module but the process has one database.
function state(): State {
  const g = globalThis as { [KEY]?: State };
  return (g[KEY] ??= {});
}

/** Sets the step run after the migrations; refused when the database was already opened without one. */
export function setBootStep(step: BootStep): void {
  const s = state();
  if (s.handle && !s.boot) throw new Error("The boot step must be set before the database is first opened.");
  s.boot = step;
}

/** Opens the database the environment names (locking an embedded folder) and applies the migrations. */
export async function openMigrated(target: DbTarget = dbTarget()): Promise<DbHandle> {
  if (!target.url && target.dataDir !== "memory://") lockDataDir(target.dataDir);
  const handle = await openDb(target);
  await handle.exclusive(() => migrateDb(handle));
  return handle;
}

/** The process-wide database: opened, migrated and booted once, shared by every bundle. */
export function getHandle(): Promise<DbHandle> {
  const s = state();
  s.handle ??= init(s.boot).catch((error) => {
    s.handle = undefined;
    throw error;
  });
  return s.handle;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

async function init(boot: BootStep | undefined): Promise<DbHandle> {
  const started = Date.now();
  const target = dbTarget();
  if (!target.url && target.dataDir !== "memory://") lockDataDir(target.dataDir);
  const handle = await openDb(target);
  // Several instances on one PostgreSQL start together: one migrates and boots while the others wait.
  await handle.exclusive(async () => {
    await migrateDb(handle);
    await boot?.(handle);
  });
  console.log(`[db] ${handle.kind} ready in ${Date.now() - started} ms`);
  return handle;
}
