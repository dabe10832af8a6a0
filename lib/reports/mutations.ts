import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { reports, reportTransitions, users, type Report } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { ScopedOrg } from "@/lib/auth/scoped";
import { assertUnchanged } from "@/lib/concurrency";
import { writeTransaction } from "@/lib/derived";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { notifyReportTransition } from "@/lib/notifications/emit";
import { buildForm1, computeFromRegisters } from "./compute";
import { regionClock } from "@/lib/territory/clock";
import { periodLabel, type Period } from "./domain";
import { documentsComplete } from "./form1";
import { assertPeriodOpen } from "./periods";
import { previousContent } from "./queries";
import type {
  createReportSchema,
  reopenReportSchema,
  reviewReportSchema,
  saveReportSchema,
  submitReportSchema,
} from "./schemas";
import { REPORT_NOT_FOUND } from "./scope";
import { validateReport } from "./validation";
import { canPerform, nextState, refusal, type ReportAction } from "./workflow";

/**
 * Locks the report of the checked organisation for the rest of the transaction, then checks the workflow's role
 * and state rules and the version the form was opened with.
 */
async function lockFor(
  tx: Tx,
  user: SessionUser,
  org: ScopedOrg,
  reportId: number,
  action: ReportAction,
  version?: number,
) {
  const [report] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.organisationId, org.id)))
    .for("no key update");
  if (!report) throw new NotFoundError(REPORT_NOT_FOUND);
  if (!canPerform(user.role, report.status, action))
    throw new ForbiddenError(refusal(user.role, report.status, action));
  if (version != null && report.version !== version) {
    const [who] = report.updatedById
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, report.updatedById))
      : [];
    assertUnchanged("Отчёт", report.version, version, { changedAt: report.updatedAt, by: who?.name });
  }
  return report;
}

async function record(
  tx: Tx,
  user: SessionUser,
  report: Report,
  org: ScopedOrg,
  action: string,
  to: Report["status"] | null,
  comment = "",
  changes?: Record<string, unknown>,
) {
  if (to && to !== report.status) {
    const [transition] = await tx
      .insert(reportTransitions)
      .values({
        reportId: report.id,
        fromStatus: report.status,
        toStatus: to,
        userId: user.id,
        userRole: user.role,
        comment,
      })
      .returning({ id: reportTransitions.id });
    // The notifications of the transition commit or roll back with it (the outbox of lib/notifications).
    await notifyReportTransition(tx, {
      transitionId: transition.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      period: { year: report.year, quarter: report.quarter },
      action,
      comment,
      byUserId: user.id,
    });
  }
  await audit(tx, {
    userId: user.id,
    action,
    entity: "report",
    entityId: report.id,
    organisationId: org.id,
    municipalityId: org.municipalityId,
    changes: {
      period: `${report.year}-${report.quarter}`,
      ...(to && to !== report.status ? { status: [report.status, to] } : {}),
      ...(comment ? { comment } : {}),
      ...changes,
    },
  });
}

export async function createReport(
  user: SessionUser,
  org: ScopedOrg,
  input: z.output<typeof createReportSchema>,
) {
  const { period } = input;
  const current = (await regionClock(org.regionId)).quarter();
  if (period.year * 4 + period.quarter > current.year * 4 + current.quarter)
    throw new DomainError(`Отчёт за ${periodLabel(period)} ещё нельзя начать: квартал не наступил.`);
  if (period.year < 2020) throw new DomainError("Отчёты ведутся с 2020 года.");
  return writeTransaction(async (tx, changes) => {
    const [existing] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.organisationId, org.id),
          eq(reports.year, period.year),
          eq(reports.quarter, period.quarter),
        ),
      );
    if (existing) return { id: existing.id };
    if (!canPerform(user.role, "none", "create"))
      throw new ForbiddenError(refusal(user.role, "none", "create"));
    await assertPeriodOpen(tx, org.regionId, period, "create");
    const [{ form1, documentsComplete: complete }, computed] = await Promise.all([
      buildForm1(tx, org, period),
      computeFromRegisters(tx, org, period),
    ]);
    const [report] = await tx
      .insert(reports)
      .values({
        organisationId: org.id,
        year: period.year,
        quarter: period.quarter,
        status: "draft",
        form1,
        ...computed,
        documentsComplete: complete,
        updatedById: user.id,
      })
      .returning();
    changes.reportStatus(org.id);
    await tx.insert(reportTransitions).values({
      reportId: report.id,
      fromStatus: null,
      toStatus: "draft",
      userId: user.id,
      userRole: user.role,
    });
    await audit(tx, {
      userId: user.id,
      action: "create",
      entity: "report",
      entityId: report.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { period: `${period.year}-${period.quarter}` },
    });
    return { id: report.id };
  });
}

/** The content a save or a submission stores: form 1 as confirmed, rows recomputed (or as typed by hand). */
async function content(
  tx: Tx,
  org: ScopedOrg,
  report: Report,
  input: Pick<z.output<typeof saveReportSchema>, "mode" | "form1" | "forms" | "summary">,
) {
  const period: Period = { year: report.year, quarter: report.quarter };
  const fresh = await buildForm1(tx, org, period);
  const form1 = {
    ...report.form1,
    ...input.form1,
    documents: fresh.form1.documents,
    municipality: fresh.form1.municipality,
    organisation: fresh.form1.organisation,
  };
  const computed =
    input.mode === "register"
      ? await computeFromRegisters(tx, org, period)
      : { forms: input.forms!, summary: input.summary! };
  return { mode: input.mode, form1, ...computed, documentsComplete: documentsComplete(form1.documents) };
}

export async function saveReport(
  user: SessionUser,
  org: ScopedOrg,
  input: z.output<typeof saveReportSchema>,
) {
  return writeTransaction(async (tx) => {
    const report = await lockFor(tx, user, org, input.reportId, "save", input.version);
    await assertPeriodOpen(tx, org.regionId, report, "save");
    const next = await content(tx, org, report, input);
    const [saved] = await tx
      .update(reports)
      .set({
        ...next,
        version: report.version + 1,
        updatedById: user.id,
        updatedAt: new Date(),
        warningsAcknowledged: false,
      })
      .where(eq(reports.id, report.id))
      .returning({ version: reports.version });
    await record(tx, user, report, org, "save", null, "", { mode: input.mode });
    return { version: saved.version };
  });
}

export async function submitReport(
  user: SessionUser,
  org: ScopedOrg,
  input: z.output<typeof submitReportSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const report = await lockFor(tx, user, org, input.reportId, "submit", input.version);
    await assertPeriodOpen(tx, org.regionId, report, "submit");
    const next =
      report.mode === "register"
        ? await content(tx, org, report, { mode: "register", form1: report.form1 })
        : { form1: report.form1, forms: report.forms, summary: report.summary };
    const result = validateReport(
      { quarter: report.quarter, ...next },
      await previousContent(tx, org, report),
    );
    if (result.errors.length) {
      throw new DomainError(
        `Отчёт не отправлен: исправьте ошибки (${result.errors.length}).`,
        Object.fromEntries(result.errors.map((e) => [e.field, [e.message]])),
      );
    }
    if (result.warnings.length && !input.acknowledgeWarnings) {
      throw new DomainError(
        `Отчёт не отправлен: подтвердите, что прочитали предупреждения (${result.warnings.length}).`,
      );
    }
    const to = nextState(report.status, "submit");
    await tx
      .update(reports)
      .set({
        ...next,
        status: to,
        version: report.version + 1,
        submittedAt: new Date(),
        updatedById: user.id,
        updatedAt: new Date(),
        warningsAcknowledged: result.warnings.length > 0,
      })
      .where(eq(reports.id, report.id));
    await record(tx, user, report, org, "submit", to);
    changes.reportStatus(org.id);
    return { version: report.version + 1 };
  });
}

/** Approving or returning a submitted report; an approval moves the year's figures (refreshed with the write). */
export async function reviewReport(
  user: SessionUser,
  org: ScopedOrg,
  input: z.output<typeof reviewReportSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const action = input.decision === "approve" ? "approve" : "return";
    const report = await lockFor(tx, user, org, input.reportId, action, input.version);
    const to = nextState(report.status, action);
    await tx
      .update(reports)
      .set({
        status: to,
        version: report.version + 1,
        approvedAt: to === "approved" ? new Date() : null,
        updatedById: user.id,
        updatedAt: new Date(),
      })
      .where(eq(reports.id, report.id));
    await record(tx, user, report, org, action, to, input.comment);
    changes.reportStatus(org.id);
    if (to === "approved") changes.reportFigures(org.id, report.year);
    return { version: report.version + 1, status: to };
  });
}

/** Reopening an approved report: the year's figures fall back to the latest report still approved. */
export async function reopenReport(
  user: SessionUser,
  org: ScopedOrg,
  input: z.output<typeof reopenReportSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const report = await lockFor(tx, user, org, input.reportId, "reopen", input.version);
    const to = nextState(report.status, "reopen");
    await tx
      .update(reports)
      .set({
        status: to,
        version: report.version + 1,
        approvedAt: null,
        updatedById: user.id,
        updatedAt: new Date(),
      })
      .where(eq(reports.id, report.id));
    await record(tx, user, report, org, "reopen", to, input.reason);
    changes.reportFigures(org.id, report.year);
    return { version: report.version + 1, status: to };
  });
}
