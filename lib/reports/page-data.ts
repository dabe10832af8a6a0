import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { periods, reports, reportTransitions, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import type { ScopedOrg } from "@/lib/auth/scoped";
import { organisationCard } from "@/lib/organisations/queries";
import { buildForm1, computeFromRegisters } from "./compute";
import { regionClock } from "@/lib/territory/clock";
import { defaultDeadline, type Period } from "./domain";
import { deadlineOf, previousContent } from "./queries";
import { displayStatus } from "./status";
import { validateReport } from "./validation";
import { canPerform } from "./workflow";

/** Everything the report page shows: the report (fresh from the registers while it is editable), checks, history. */
export async function reportPageData(user: SessionUser, scope: ScopedOrg, period: Period) {
  const { org, municipality } = await organisationCard(scope);
  const db = await getDb();
  const [[report], deadline, previous] = await Promise.all([
    db
      .select()
      .from(reports)
      .where(
        and(
          eq(reports.organisationId, org.id),
          eq(reports.year, period.year),
          eq(reports.quarter, period.quarter),
        ),
      ),
    deadlineOf(period),
    previousContent(db, scope, period),
  ]);
  const status = displayStatus(report?.status ?? null, deadline, (await regionClock(scope.regionId)).today());
  if (!report) {
    return {
      org,
      municipality,
      period,
      deadline,
      status,
      report: null,
      content: null,
      checks: null,
      history: [],
      previous,
      canCreate: canPerform(user.role, "none", "create"),
    };
  }
  const editable = canPerform(user.role, report.status, "save");
  // While the curator works on it, a register-mode report shows the registers as they are now.
  const live = editable && report.mode === "register";
  const [fresh, computed] = live
    ? await Promise.all([buildForm1(db, scope, period), computeFromRegisters(db, scope, period)])
    : [null, null];
  const content = {
    quarter: report.quarter,
    form1: fresh ? { ...report.form1, documents: fresh.form1.documents } : report.form1,
    forms: computed?.forms ?? report.forms,
    summary: computed?.summary ?? report.summary,
  };
  const history = await db
    .select({
      id: reportTransitions.id,
      from: reportTransitions.fromStatus,
      to: reportTransitions.toStatus,
      comment: reportTransitions.comment,
      at: reportTransitions.at,
      who: users.name,
      role: reportTransitions.userRole,
    })
    .from(reportTransitions)
    .leftJoin(users, eq(users.id, reportTransitions.userId))
    .where(eq(reportTransitions.reportId, report.id))
    .orderBy(desc(reportTransitions.at), desc(reportTransitions.id));
  return {
    org,
    municipality,
    period,
    deadline,
    status,
    report,
    content,
    checks: validateReport(content, previous),
    history,
    previous,
    editable,
    canSubmit: canPerform(user.role, report.status, "submit"),
    canReview: canPerform(user.role, report.status, "approve"),
    canReopen: canPerform(user.role, report.status, "reopen"),
    canCreate: false,
  };
}

/** Every quarter from 2021 to now with the organisation's report status (the curator's list). */
export async function organisationReportList(scope: ScopedOrg) {
  const { org } = await organisationCard(scope);
  const db = await getDb();
  const [rows, deadlines] = await Promise.all([
    db
      .select({
        id: reports.id,
        year: reports.year,
        quarter: reports.quarter,
        status: reports.status,
        updatedAt: reports.updatedAt,
        mode: reports.mode,
      })
      .from(reports)
      .where(eq(reports.organisationId, org.id)),
    db.select().from(periods).orderBy(asc(periods.year), asc(periods.quarter)),
  ]);
  const byKey = new Map(rows.map((r) => [`${r.year}-${r.quarter}`, r]));
  const deadlineByKey = new Map(deadlines.map((d) => [`${d.year}-${d.quarter}`, d.deadline]));
  const clock = await regionClock(scope.regionId);
  const now = clock.quarter();
  const list = [];
  for (let y = now.year; y >= 2021; y--) {
    for (let q = y === now.year ? now.quarter : 4; q >= 1; q--) {
      const key = `${y}-${q}`;
      const r = byKey.get(key);
      const deadline = deadlineByKey.get(key) ?? defaultDeadline({ year: y, quarter: q });
      list.push({
        period: { year: y, quarter: q },
        key,
        deadline,
        status: displayStatus(r?.status ?? null, deadline, clock.today()),
        updatedAt: r?.updatedAt ?? null,
        mode: r?.mode ?? null,
      });
    }
  }
  return { org, list };
}
