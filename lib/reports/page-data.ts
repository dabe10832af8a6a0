import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { periods, reports, reportTransitions, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import type { ScopedOrg } from "@/lib/auth/scoped";
import { cachedFigures, registersTag } from "@/lib/indicators/cache";
import { organisationCard } from "@/lib/organisations/queries";
import { computeFromRegisters, form1Documents } from "./compute";
import { regionClock } from "@/lib/territory/clock";
import { defaultDeadline, type Period } from "./domain";
import { regionPeriod } from "./periods";
import { previousContent } from "./queries";
import { displayStatus } from "./status";
import { validateReport } from "./validation";
import { canPerform, intakeOf, periodRefusal } from "./workflow";

/**
 * Everything the report page shows: the report (fresh from the registers while it is editable), checks, history.
 * Outside an open period of the organisation's region (`intake`) nothing is offered to start, save or submit.
 */
export async function reportPageData(user: SessionUser, scope: ScopedOrg, period: Period) {
  const { org, municipality } = await organisationCard(scope);
  const db = await getDb();
  const [[report], regional, previous] = await Promise.all([
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
    regionPeriod(db, scope.regionId, period),
    previousContent(db, scope, period),
  ]);
  const deadline = regional.deadline;
  const intake = intakeOf(regional);
  const drafting = (action: "create" | "save" | "submit", state: Parameters<typeof canPerform>[1]) =>
    canPerform(user.role, state, action) && periodRefusal(action, period, regional) == null;
  const today = (await regionClock(scope.regionId)).today();
  const status = displayStatus(report?.status ?? null, deadline, today);
  if (!report) {
    return {
      org,
      municipality,
      period,
      deadline,
      intake,
      status,
      report: null,
      content: null,
      checks: null,
      history: [],
      previous,
      canCreate: drafting("create", "none"),
    };
  }
  const editable = drafting("save", report.status);
  // While the curator works on it, a register-mode report shows the registers as they are now: computed once
  // and kept until the organisation's registers change (every register write drops registersTag).
  const live = editable && report.mode === "register";
  const [documents, computed] = live
    ? await Promise.all([
        form1Documents(db, scope, period, today),
        cachedFigures(["draft", scope.id, period.year, period.quarter], [registersTag(scope.id)], () =>
          computeFromRegisters(db, scope, period),
        ),
      ])
    : [null, null];
  const content = {
    quarter: report.quarter,
    form1: documents ? { ...report.form1, documents } : report.form1,
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
    intake,
    status,
    report,
    content,
    checks: validateReport(content, previous),
    history,
    previous,
    editable,
    canSubmit: drafting("submit", report.status),
    canReview: canPerform(user.role, report.status, "approve"),
    canReopen: canPerform(user.role, report.status, "reopen"),
    canCreate: false,
  };
}

/**
 * Every quarter from 2021 to now with the organisation's report status (the curator's list), with the deadlines
 * of the organisation's region and whether the region accepts its reports.
 */
export async function organisationReportList(scope: ScopedOrg) {
  const { org } = await organisationCard(scope);
  const db = await getDb();
  const [rows, opened] = await Promise.all([
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
    db
      .select()
      .from(periods)
      .where(eq(periods.regionId, scope.regionId))
      .orderBy(asc(periods.year), asc(periods.quarter)),
  ]);
  const byKey = new Map(rows.map((r) => [`${r.year}-${r.quarter}`, r]));
  const periodByKey = new Map(opened.map((p) => [`${p.year}-${p.quarter}`, p]));
  const clock = await regionClock(scope.regionId);
  const now = clock.quarter();
  const list = [];
  for (let y = now.year; y >= 2021; y--) {
    for (let q = y === now.year ? now.quarter : 4; q >= 1; q--) {
      const key = `${y}-${q}`;
      const r = byKey.get(key);
      const regional = periodByKey.get(key);
      const deadline = regional?.deadline ?? defaultDeadline({ year: y, quarter: q });
      list.push({
        period: { year: y, quarter: q },
        key,
        deadline,
        /** Whether the region accepts reports of the quarter: open, closed, or never opened. */
        intake: intakeOf({ opened: regional != null, open: regional?.open ?? false }),
        status: displayStatus(r?.status ?? null, deadline, clock.today()),
        updatedAt: r?.updatedAt ?? null,
        mode: r?.mode ?? null,
      });
    }
  }
  return { org, list };
}
