import { env } from "../lib/env";
import { migrateDb, openDb, type Db, type DbHandle } from "./client";
import { lockDataDir } from "./lock";
import { ensureAggregatesCurrent } from "../lib/indicators/facts";
import { ensureDemo } from "./seed";

export type { Db, Tx, DbOrTx } from "./client";

const KEY = Symbol.for("nastavnik.db");
type Holder = { [KEY]?: Promise<DbHandle> };

/** The process-wide database: opened, migrated and (embedded, empty) seeded once, shared by every bundle. */
export function getHandle(): Promise<DbHandle> {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    g[KEY] = init().catch((error) => {
      g[KEY] = undefined;
      throw error;
    });
  }
  return g[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

async function init(): Promise<DbHandle> {
  const e = env();
  const started = Date.now();
  const embeddedDir = e.DATA_DIR === "memory://" ? "memory://" : e.dataDir;
  if (!e.DATABASE_URL && embeddedDir !== "memory://") lockDataDir(embeddedDir);
  const handle = await openDb({ url: e.DATABASE_URL, dataDir: embeddedDir });
  await migrateDb(handle);
  const seedWanted = e.DEMO_SEED === "yes" || (e.DEMO_SEED === "auto" && handle.kind === "pglite");
  if (seedWanted) await ensureDemo(handle.db, { log: (m: string) => console.log(`[seed] ${m}`) });
  if (await ensureAggregatesCurrent(handle.db)) console.log("[db] агрегаты показателей пересобраны");
  console.log(`[db] ${handle.kind} ready in ${Date.now() - started} ms`);
  return handle;
}
