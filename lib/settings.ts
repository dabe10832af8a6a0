import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { settings } from "@/db/schema";

/** The span of years the indicator pages show by default (seed 001: 2021–2024). */
export async function indicatorYears(): Promise<{ from: number; to: number }> {
  const db = await getDb();
  const [row] = await db.select().from(settings).where(eq(settings.key, "indicatorYears")).limit(1);
  const value = row?.value as { from?: number; to?: number } | undefined;
  return { from: value?.from ?? 2021, to: value?.to ?? 2024 };
}
