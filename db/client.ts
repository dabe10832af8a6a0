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
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Opens PostgreSQL at `url`, or PGlite in `dataDir` ("memory://" for a throwaway database). */
export async function openDb(opts: { url?: string; dataDir?: string }): Promise<DbHandle> {
  if (opts.url) {
    const client = postgres(opts.url, { max: 10, onnotice: () => {} });
    const db = drizzlePg(client, { schema, casing: "snake_case" });
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const dir = opts.dataDir ?? "memory://";
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir.startsWith("memory://") ? undefined : path.join(dir, "pgdata"));
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
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
