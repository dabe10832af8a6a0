import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePg } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

/** Both drivers expose the same query builder; the postgres-js type stands for both. */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /**
   * Runs `fn` for each notification on `channel` from any connection to this database (PostgreSQL); on the
   * embedded database, which one process owns, nothing arrives from elsewhere and this does nothing.
   */
  listen(channel: string, fn: (payload: string) => void, onListening?: () => void): Promise<void>;
  /** Sends a notification to every listener of `channel` (PostgreSQL); nothing on the embedded database. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Runs `fn` while holding a lock that other processes on the same database wait for (PostgreSQL: a session
   * advisory lock on a connection of its own), so that several app instances migrate and boot one at a time.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** Advisory lock key of the start-up (migrations, demo region, aggregates). */
const STARTUP_LOCK = 0x4e415354;

/** Files of the embedded database are the running user's alone: folders 0700, files 0600. */
export function makePrivate(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(p);
    else if (entry.isFile()) fs.chmodSync(p, 0o600);
  }
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * The client drizzle queries through, with every statement outside transactions prepared (a transaction's
 * statements go through the client `begin` gives): drizzle prepares only the queries given a name, so the others
 * were parsed and planned anew on each run. postgres.js keeps a connection's prepared
 * statements by their text (for the connection's life, 30–60 minutes) and prepares again after a migration
 * changed a table; PostgreSQL plans the first runs afresh and may then keep a generic plan. Region set, 20 users:
 * PostgreSQL's CPU per page 3.7 → 2.2 ms (the register), 3.7 → 1.4 ms (the report).
 */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key !== "unsafe") return Reflect.get(target, key, receiver);
      return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
        target.unsafe(query, params as never, { ...options, prepare: true });
    },
  });
}

/** Opens PostgreSQL at `url`, or PGlite in `dataDir` ("memory://" for a throwaway database). */
export async function openDb(opts: { url?: string; dataDir?: string }): Promise<DbHandle> {
  if (opts.url) {
    const url = opts.url;
    // Each worker of each instance has a pool: PG_POOL_MAX × workers × instances must fit max_connections.
    const client = postgres(url, {
      max: Number(process.env.PG_POOL_MAX) || 10,
      onnotice: () => {},
      // No JIT compilation: the pages' queries are short, and a plan whose estimate passes jit_above_cost (the
      // region's roadmap summary, say) spent 80 ms compiling to run in 38. Set per connection, so a server's
      // own setting is left alone for everyone else; PG_JIT=server sends no such parameter (PgBouncer refuses
      // startup parameters it does not know: there, `ALTER ROLE … SET jit = off`).
      connection: process.env.PG_JIT === "server" ? {} : { jit: "off" },
    });
    // PG_PREPARE=off for a pooler that cannot keep prepared statements (PgBouncer in transaction mode without
    // max_prepared_statements, which 1.21 added).
    const prepared = process.env.PG_PREPARE === "off" ? client : preparing(client);
    const db = drizzlePg(prepared, { schema, casing: "snake_case" });
    return {
      db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
      listen: async (channel, fn, onListening) => {
        // postgres.js listens on a connection of its own and listens again after a reconnect (onListening).
        await client.listen(channel, fn, onListening);
      },
      notify: async (channel, payload) => {
        await client.notify(channel, payload);
      },
      exclusive: async (fn) => {
        const lock = postgres(url, { max: 1, onnotice: () => {} });
        try {
          await lock`select pg_advisory_lock(${STARTUP_LOCK})`;
          return await fn();
        } finally {
          await lock`select pg_advisory_unlock(${STARTUP_LOCK})`.catch(() => {});
          await lock.end({ timeout: 5 });
        }
      },
    };
  }
  const dir = opts.dataDir ?? "memory://";
  const onDisk = !dir.startsWith("memory://");
  if (onDisk) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const client = await PGlite.create(onDisk ? path.join(dir, "pgdata") : undefined);
  // PGlite writes its files world-writable; a private folder keeps later ones private too.
  if (onDisk) makePrivate(dir);
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    close: () => client.close(),
    listen: async () => {},
    notify: async () => {},
    exclusive: (fn) => fn(),
  };
}

/** Applies the committed drizzle-kit migrations that are not applied yet. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgres") await migratePg(handle.db, { migrationsFolder });
  else await migratePglite(handle.db as never, { migrationsFolder });
}

/** Rows of a raw `db.execute()`: an array on postgres.js, `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function execRows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
