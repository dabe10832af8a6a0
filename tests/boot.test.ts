/** The start-up sequence (lib/boot.ts), as the test setup registers it like instrumentation.ts does. */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { AGGREGATES_VERSION } from "@/lib/indicators/facts";

describe("boot", () => {
  it("brings the indicator aggregates up to date before the first caller gets the database", async () => {
    const [db, again] = await Promise.all([getDb(), getDb()]);
    expect(again).toBe(db);
    const [row] = await execRows<{ value: unknown }>(
      db,
      sql`select value from settings where key = 'indicatorAggregatesVersion'`,
    );
    expect(Number(row?.value)).toBe(AGGREGATES_VERSION);
  });
});
