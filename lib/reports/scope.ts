import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { reports } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { reaches, type Permission } from "@/lib/auth/rules";
import { scopeOrg, type ScopedOrg } from "@/lib/auth/scoped";
import { NotFoundError } from "@/lib/errors";

export const REPORT_NOT_FOUND = "Отчёт не найден или недоступен.";

/**
 * The organisation of a report, when the user's reach for `permission` covers it (viewing for the curator's
 * drafting, reviewReports for the coordinator's decision, administerRegion for reopening); else «not found».
 */
export async function reportOrg(
  user: SessionUser,
  reportId: number,
  permission: Permission = "viewOrganisation",
): Promise<ScopedOrg> {
  const db = await getDb();
  const [row] = await db
    .select({ organisationId: reports.organisationId })
    .from(reports)
    .where(eq(reports.id, reportId));
  const org = await scopeOrg(user, row?.organisationId, "view", { notFound: REPORT_NOT_FOUND });
  if (!reaches(user, permission, { organisationId: org.id, ...org }))
    throw new NotFoundError(REPORT_NOT_FOUND);
  return org;
}
