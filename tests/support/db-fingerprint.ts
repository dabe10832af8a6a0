/** A cheap fingerprint of every table, to prove that a refused attempt changed nothing. */
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";

export type Fingerprint = Record<string, string>;

let query: ReturnType<typeof sql.raw> | undefined;

/** One query over the public schema's tables (drizzle keeps its journal in its own schema). */
async function fingerprintQuery() {
  if (query) return query;
  const db = await getDb();
  const tables = await execRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '__drizzle%'
        order by table_name`,
  );
  if (tables.length === 0) throw new Error("No tables to fingerprint in the public schema.");
  // Row count and a hash of every row's text, in a stable order: any insert, update or delete shows.
  const parts = tables.map(
    ({ name }) =>
      `select '${name}' as name, count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as print from "${name}" x`,
  );
  query = sql.raw(parts.join("\nunion all\n"));
  return query;
}

export async function fingerprint(): Promise<Fingerprint> {
  const db = await getDb();
  const rows = await execRows<{ name: string; print: string }>(db, await fingerprintQuery());
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}

const audits = (print: Fingerprint) => Number((print.audit_log ?? "0:").split(":")[0]);

/** What one attempt did to the database, filled in by `act`. */
export interface Watched<In, Out> {
  act: (call: () => Promise<In>) => Promise<Out>;
  calls: number;
  /** Tables whose rows changed during the call (only when watching). */
  changed: string[];
  /** Audit records written during the call (only when watching). */
  auditRecords: number;
}

/**
 * Wraps the call under test: `settle` reads its answer completely (a streamed body included) before the
 * second fingerprint, so nothing the call does afterwards escapes the comparison.
 */
export function watch<In, Out>(enabled: boolean, settle: (answer: In) => Promise<Out>): Watched<In, Out> {
  const w: Watched<In, Out> = {
    calls: 0,
    changed: [],
    auditRecords: 0,
    act: async (call) => {
      w.calls += 1;
      const before = enabled ? await fingerprint() : null;
      const out = await settle(await call());
      if (before) {
        const after = await fingerprint();
        w.changed = changedTables(before, after);
        w.auditRecords = audits(after) - audits(before);
      }
      return out;
    },
  };
  return w;
}
