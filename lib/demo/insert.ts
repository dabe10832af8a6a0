/**
 * Bulk inserts with explicit ids, and the sequences set past them. Portable SQL (PostgreSQL ≥ 10 and
 * PGlite): a batch travels as one JSON parameter expanded by json_populate_recordset, which is several
 * times faster than a multi-row VALUES list with one parameter per field. Column names and defaults come
 * from the drizzle table definitions.
 */
import { getTableColumns, getTableName, is, SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";

export async function insertRows(
  db: DbOrTx,
  table: PgTable,
  rows: Record<string, unknown>[],
  batch = 2000,
): Promise<void> {
  if (rows.length === 0) return;
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table))
    .filter(([key]) => rows.some((r) => r[key] !== undefined))
    .map(([key, col]) => {
      const fallback =
        col.hasDefault && col.default !== undefined && !is(col.default, SQL) ? col.default : null;
      return { key, sqlName: col.keyAsName ? toSnakeCase(key) : col.name, fallback };
    });
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
