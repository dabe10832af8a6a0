import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { regions } from "@/db/schema";

/** Whether the database holds the demo region (the sign-in page then lists the demo accounts). */
export async function isDemoDatabase(): Promise<boolean> {
  const db = await getDb();
  const rows = await db.select({ id: regions.id }).from(regions).where(eq(regions.isDemo, true)).limit(1);
  return rows.length > 0;
}
