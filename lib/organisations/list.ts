import { count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { municipalities, organisations } from "@/db/schema";
import { containsPattern, pageWindow } from "@/lib/search";

/**
 * The organisations' lists' search by name: the short or the full name contains what was typed (trimmed, at most
 * 100 characters, %, _ and \ taken literally); null when nothing was typed.
 */
export function organisationNameMatches(typed: string | undefined): SQL | null {
  const q = typed?.trim().slice(0, 100);
  if (!q) return null;
  const like = containsPattern(q);
  return or(ilike(organisations.shortName, like), ilike(organisations.fullName, like)) ?? null;
}

/** The page of an organisations' list (with their municipalities) that `where` selects, counted in SQL. */
export async function organisationsPage(
  db: DbOrTx,
  where: SQL | undefined,
  size: number,
  requested: unknown,
) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(where);
  return { total: n, ...pageWindow(n, size, requested) };
}
