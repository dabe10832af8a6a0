import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { reports } from "@/db/schema";
import { FORM_KEYS } from "@/lib/reports/counting";
import { FORM_SUBTITLES, periodLabel } from "@/lib/reports/domain";
import type { ReportForms } from "@/lib/reports/types";
import { FORM_TITLES } from "@/lib/reports/validation";
import type { PublicForm, PublicReport } from "./types";

/** How many approved reports the organisation's page shows; the rest are on the archive page. */
export const LATEST_REPORTS = 4;

/** Forms 2–5 and «прочие» without anything but programme titles, counts and results (no names). */
export function publicForms(forms: ReportForms): PublicForm[] {
  return FORM_KEYS.map((key) => {
    const form = forms[key] ?? { rows: [], distinctMentors: 0, distinctMentees: 0 };
    return {
      key,
      title: FORM_TITLES[key],
      subtitle: FORM_SUBTITLES[key],
      rows: form.rows.map((r) => ({
        title: r.title,
        mentors: Number(r.mentors) || 0,
        mentees: Number(r.mentees) || 0,
        result: r.result ?? "",
      })),
      totalMentors: Number(form.distinctMentors) || 0,
      totalMentees: Number(form.distinctMentees) || 0,
    };
  });
}

/** The organisation's approved quarterly reports, the latest first (`limit` of them, or all). */
export async function approvedReports(
  organisationId: number,
  limit?: number,
): Promise<{ reports: PublicReport[]; total: number }> {
  const db = await getDb();
  const where = and(eq(reports.organisationId, organisationId), eq(reports.status, "approved"));
  const query = db
    .select({
      id: reports.id,
      year: reports.year,
      quarter: reports.quarter,
      forms: reports.forms,
      approvedAt: reports.approvedAt,
    })
    .from(reports)
    .where(where)
    .orderBy(desc(reports.year), desc(reports.quarter));
  const [rows, [total]] = await Promise.all([
    limit ? query.limit(limit) : query,
    db.select({ n: count() }).from(reports).where(where),
  ]);
  return {
    reports: rows.map((r) => ({
      id: r.id,
      year: r.year,
      quarter: r.quarter,
      label: periodLabel(r),
      approvedAt: r.approvedAt ? new Date(r.approvedAt).toISOString() : null,
      forms: publicForms(r.forms),
    })),
    total: Number(total?.n ?? 0),
  };
}
