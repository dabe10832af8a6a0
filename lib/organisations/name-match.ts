import { ilike, or, type SQL } from "drizzle-orm";
import { organisations } from "@/db/schema";
import { containsPattern } from "@/lib/search";

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
