/**
 * Bulk inserts with explicit ids, and the sequences set past them. Portable SQL (PostgreSQL ≥ 10 and
 * PGlite): a batch travels as one JSON parameter expanded by json_populate_recordset, which is several
 * times faster than a multi-row VALUES list with one parameter per field. On PostgreSQL (postgres.js) `copyRows`
 * streams the rows with COPY, several times faster again. Column names and defaults come from the drizzle table
 * definitions.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableColumns, getTableName, is, SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import type { DbOrTx } from "@/db/client";

export interface Column {
  key: string;
  sqlName: string;
  fallback: unknown;
  kind: "json" | "array" | "other";
}

/** The table's columns that some row gives a value; the others keep their defaults. */
export function columnsOf(table: PgTable, rows: Record<string, unknown>[]): Column[] {
  return Object.entries(getTableColumns(table))
    .filter(([key]) => rows.some((r) => r[key] !== undefined))
    .map(([key, col]) => {
      const fallback =
        col.hasDefault && col.default !== undefined && !is(col.default, SQL) ? col.default : null;
      const kind = col.dataType === "json" ? "json" : col.dataType === "array" ? "array" : "other";
      return { key, sqlName: col.keyAsName ? toSnakeCase(key) : col.name, fallback, kind };
    });
}

export async function insertRows(
  db: DbOrTx,
  table: PgTable,
  rows: Record<string, unknown>[],
  batch = 2000,
): Promise<void> {
  if (rows.length === 0) return;
  const name = getTableName(table);
  const columns = columnsOf(table, rows);
  const list = sql.raw(columns.map((c) => `"${c.sqlName}"`).join(", "));
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch).map((r) => {
      const o: Record<string, unknown> = {};
      for (const c of columns) o[c.sqlName] = r[c.key] === undefined ? c.fallback : r[c.key];
      return o;
    });
    await db.execute(
      sql`insert into ${sql.identifier(name)} (${list}) select ${list} from json_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(chunk)}::json)`,
    );
  }
}

/**
 * The postgres.js client under a drizzle database or transaction on PostgreSQL (null on PGlite): COPY needs the
 * driver itself, on the transaction's own connection.
 */
export function copyClient(db: DbOrTx): Sql | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as
    (Sql & { unsafe?: unknown }) | undefined;
  return client && typeof client.unsafe === "function" ? client : null;
}

/** A field in COPY's text format: what json_populate_recordset would read from the same row, escaped. */
function copyField(value: unknown, kind: Column["kind"]): string {
  if (value === null || value === undefined) return "\\N";
  let text: string;
  if (kind === "json") text = JSON.stringify(value);
  else if (kind === "array")
    text = `{${(value as unknown[])
      .map((v) => (v === null ? "NULL" : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`))
      .join(",")}}`;
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === "object") text = JSON.stringify(value);
  else text = String(value);
  return text.replace(/[\\\n\r\t]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t",
  );
}

/** The rows in COPY's text format, a few hundred to a chunk. */
export function* copyText(columns: Column[], rows: Record<string, unknown>[]): Generator<string> {
  const batch = 500;
  for (let i = 0; i < rows.length; i += batch) {
    let chunk = "";
    for (let j = i; j < Math.min(rows.length, i + batch); j++) {
      const r = rows[j];
      for (let c = 0; c < columns.length; c++) {
        const col = columns[c];
        const v = r[col.key];
        if (c > 0) chunk += "\t";
        chunk += copyField(v === undefined ? col.fallback : v, col.kind);
      }
      chunk += "\n";
    }
    yield chunk;
  }
}

/** The same rows as `insertRows`, streamed by COPY … FROM STDIN (PostgreSQL through postgres.js). */
export async function copyRows(client: Sql, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table, rows);
  const list = columns.map((c) => `"${c.sqlName}"`).join(", ");
  const stream = await client.unsafe(`copy "${getTableName(table)}" (${list}) from stdin`).writable();
  await pipeline(Readable.from(copyText(columns, rows)), stream);
}

/** Tables with a serial id, whose sequences must continue after the explicit ids of the seed. */
export const SERIAL_TABLES = [
  "regions",
  "municipalities",
  "organisations",
  "users",
  "persons",
  "programmes",
  "mentorships",
  "files",
  "documents",
  "events",
  "roadmap_items",
  "reports",
  "report_transitions",
  "targets",
  "audit_log",
  "survey_questionnaires",
  "survey_responses",
];

export async function resetSequences(db: DbOrTx, tables = SERIAL_TABLES): Promise<void> {
  for (const t of tables) {
    await db.execute(
      sql.raw(
        `SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), coalesce((SELECT max(id) FROM "${t}"), 0) + 1, false)`,
      ),
    );
  }
}
