import { sql, type SQLWrapper } from "drizzle-orm";
import { execRows, type Db } from "@/db/client";

interface PlanNode {
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

/**
 * Runs `query` under EXPLAIN ANALYZE and returns how many rows each table's scans returned in all (rows × loops):
 * what a page's query reads, whatever plan PostgreSQL chose on this data.
 */
export async function rowsRead(db: Db, query: SQLWrapper): Promise<Record<string, number>> {
  const [row] = await execRows<{ "QUERY PLAN": [{ Plan: PlanNode }] | string }>(
    db,
    sql`explain (analyze, format json) ${query}`,
  );
  const raw = row["QUERY PLAN"];
  const [{ Plan }] = typeof raw === "string" ? (JSON.parse(raw) as [{ Plan: PlanNode }]) : raw;
  const read: Record<string, number> = {};
  const walk = (node: PlanNode) => {
    const table = node["Relation Name"];
    if (table) read[table] = (read[table] ?? 0) + (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
    node.Plans?.forEach(walk);
  };
  walk(Plan);
  return read;
}
