import "server-only";
import { and, eq, gte, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { mentorships } from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";

/**
 * A pair takes one of its mentor's places from its assignment until its end date (a pair that begins later
 * is already counted): not archived, not ended by `today`.
 */
export const occupiesPlace = (today: string) =>
  and(eq(mentorships.archived, false), or(isNull(mentorships.endDate), gte(mentorships.endDate, today)));

/** How many places the mentor's pairs in the organisation take on `today`. */
export async function mentorLoad(db: DbOrTx, org: RegisterOrg, mentorId: number, today: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(mentorships)
    .where(
      and(eq(mentorships.organisationId, org.id), eq(mentorships.mentorId, mentorId), occupiesPlace(today)),
    );
  return row?.n ?? 0;
}
