import "server-only";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { reports, reportTransitions, users } from "@/db/schema";
import type { ScopedOrg } from "@/lib/auth/scoped";
import type { Period } from "./domain";

/** Why a report came back: the coordinator's comment, who wrote it and when. */
export interface ReturnNote {
  organisationId: number;
  year: number;
  quarter: number;
  comment: string;
  by: string;
  at: Date;
}

/** The key a note is found by: the organisation and the period. */
export const returnKey = (organisationId: number, period: Period) =>
  `${organisationId}:${period.year}-${period.quarter}`;

/** The latest return of each report that is returned now, for reports matching `where`. */
async function notes(where: SQL | undefined): Promise<Map<string, ReturnNote>> {
  const db = await getDb();
  const rows = await db
    .selectDistinctOn([reportTransitions.reportId], {
      organisationId: reports.organisationId,
      year: reports.year,
      quarter: reports.quarter,
      comment: reportTransitions.comment,
      by: users.name,
      at: reportTransitions.at,
    })
    .from(reportTransitions)
    .innerJoin(reports, eq(reports.id, reportTransitions.reportId))
    .leftJoin(users, eq(users.id, reportTransitions.userId))
    .where(and(eq(reports.status, "returned"), eq(reportTransitions.toStatus, "returned"), where))
    .orderBy(reportTransitions.reportId, desc(reportTransitions.at), desc(reportTransitions.id));
  return new Map(rows.map((r) => [returnKey(r.organisationId, r), { ...r, by: r.by ?? "координатор" }]));
}

/** Return notes of one organisation's returned reports, every period (the organisation is checked). */
export function organisationReturnNotes(org: ScopedOrg) {
  return notes(eq(reports.organisationId, org.id));
}

/**
 * Return notes of a period for organisations the caller has already listed within the user's scope
 * (the review queue, the status table).
 */
export function periodReturnNotes(organisationIds: number[], period: Period) {
  if (organisationIds.length === 0) return Promise.resolve(new Map<string, ReturnNote>());
  return notes(
    and(
      inArray(reports.organisationId, organisationIds),
      eq(reports.year, period.year),
      eq(reports.quarter, period.quarter),
    ),
  );
}

/** The notes of one period by organisation id. */
export function byOrganisation(notes: Map<string, ReturnNote>): Map<number, ReturnNote> {
  return new Map([...notes.values()].map((n) => [n.organisationId, n]));
}
