import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db";
import { municipalities, organisations, reports, reportTransitions, users, type Report } from "@/db/schema";
import { audit } from "@/lib/audit";
import { refreshOrganisationYear } from "@/lib/indicators/facts";
import type { SessionUser } from "@/lib/auth/roles";
import { canViewOrganisation } from "@/lib/auth/scope";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { organisationClock } from "@/lib/territory/clock";
import { buildForm1, computeFromRegisters } from "./compute";
import { periodLabel, previousPeriod, type Period } from "./domain";
import { documentsComplete } from "./form1";
import type {
  createReportSchema,
  reopenReportSchema,
  reviewReportSchema,
  saveReportSchema,
  submitReportSchema,
} from "./schemas";
import { validateReport } from "./validation";
import { canPerform, nextState, refusal, type ReportAction } from "./workflow";

type OrgRef = { id: number; municipalityId: number; regionId: number };

async function orgRef(tx: Tx, user: SessionUser, organisationId: number): Promise<OrgRef> {
  const [org] = await tx
    .select({
      id: organisations.id,
      municipalityId: organisations.municipalityId,
      regionId: municipalities.regionId,
    })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, organisationId));
  if (!org || !canViewOrganisation(user, org)) throw new NotFoundError("Отчёт не найден или недоступен.");
  return org;
}

/** Locks the report row for the rest of the transaction, after checking scope, role and state. */
async function lockFor(tx: Tx, user: SessionUser, reportId: number, action: ReportAction, version?: number) {
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId)).for("update");
  if (!report) throw new NotFoundError("Отчёт не найден или недоступен.");
  const org = await orgRef(tx, user, report.organisationId);
  if (!canPerform(user.role, report.status, action))
    throw new ForbiddenError(refusal(user.role, report.status, action));
  if (version != null && report.version !== version) {
    const [who] = report.updatedById
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, report.updatedById))
      : [];
    throw new ConflictError(
      `Отчёт уже изменил${who ? ` ${who.name}` : "и"} (${formatDateTime(report.updatedAt)}), пока он был открыт у вас. Ваши изменения не сохранены: обновите страницу, чтобы увидеть новую версию, и внесите их снова.`,
    );
  }
  return { report, org };
}

async function record(
  tx: Tx,
  user: SessionUser,
  report: Report,
  org: OrgRef,
  action: string,
  to: Report["status"] | null,
  comment = "",
  changes?: Record<string, unknown>,
) {
  if (to && to !== report.status) {
    await tx.insert(reportTransitions).values({
      reportId: report.id,
      fromStatus: report.status,
      toStatus: to,
      userId: user.id,
      userRole: user.role,
      comment,
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

export async function createReport(user: SessionUser, input: z.output<typeof createReportSchema>) {
  const { organisationId, period } = input;
  const current = (await organisationClock(organisationId)).quarter();
  if (period.year * 4 + period.quarter > current.year * 4 + current.quarter)
    throw new DomainError(`Отчёт за ${periodLabel(period)} ещё нельзя начать: квартал не наступил.`);
  if (period.year < 2020) throw new DomainError("Отчёты ведутся с 2020 года.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await orgRef(tx, user, organisationId);
    const [existing] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.organisationId, organisationId),
          eq(reports.year, period.year),
          eq(reports.quarter, period.quarter),
        ),
      );
    if (existing) return { id: existing.id };
    if (!canPerform(user.role, "none", "create"))
      throw new ForbiddenError(refusal(user.role, "none", "create"));
    const [{ form1, documentsComplete: complete }, computed] = await Promise.all([
      buildForm1(tx, organisationId, period),
      computeFromRegisters(tx, organisationId, period),
    ]);
    const [report] = await tx
      .insert(reports)
      .values({
        organisationId,
        year: period.year,
        quarter: period.quarter,
        status: "draft",
        form1,
        ...computed,
        documentsComplete: complete,
        updatedById: user.id,
      })
      .returning();
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
  report: Report,
  input: Pick<z.output<typeof saveReportSchema>, "mode" | "form1" | "forms" | "summary">,
) {
  const period: Period = { year: report.year, quarter: report.quarter };
  const fresh = await buildForm1(tx, report.organisationId, period);
  const form1 = {
    ...report.form1,
    ...input.form1,
    documents: fresh.form1.documents,
    municipality: fresh.form1.municipality,
    organisation: fresh.form1.organisation,
  };
  const computed =
    input.mode === "register"
      ? await computeFromRegisters(tx, report.organisationId, period)
      : { forms: input.forms!, summary: input.summary! };
  return { mode: input.mode, form1, ...computed, documentsComplete: documentsComplete(form1.documents) };
}

export async function saveReport(user: SessionUser, input: z.output<typeof saveReportSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { report, org } = await lockFor(tx, user, input.reportId, "save", input.version);
    const next = await content(tx, report, input);
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

/** The previous quarter's report of the organisation, for the comparisons of the validation. */
export async function previousContent(
  tx: Tx | Awaited<ReturnType<typeof getDb>>,
  organisationId: number,
  period: Period,
) {
  const prev = previousPeriod(period);
  const [row] = await tx
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.organisationId, organisationId),
        eq(reports.year, prev.year),
        eq(reports.quarter, prev.quarter),
      ),
    );
  return row ? { quarter: row.quarter, form1: row.form1, forms: row.forms, summary: row.summary } : null;
}

export async function submitReport(user: SessionUser, input: z.output<typeof submitReportSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { report, org } = await lockFor(tx, user, input.reportId, "submit", input.version);
    const next =
      report.mode === "register"
        ? await content(tx, report, { mode: "register", form1: report.form1 })
        : { form1: report.form1, forms: report.forms, summary: report.summary };
    const result = validateReport(
      { quarter: report.quarter, ...next },
      await previousContent(tx, report.organisationId, report),
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
    return { version: report.version + 1 };
  });
}

export async function reviewReport(user: SessionUser, input: z.output<typeof reviewReportSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const action = input.decision === "approve" ? "approve" : "return";
    const { report, org } = await lockFor(tx, user, input.reportId, action, input.version);
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
    if (to === "approved") await refreshOrganisationYear(tx, report.organisationId, report.year);
    return { version: report.version + 1, status: to };
  });
}

export async function reopenReport(user: SessionUser, input: z.output<typeof reopenReportSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { report, org } = await lockFor(tx, user, input.reportId, "reopen", input.version);
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
    // The year's figures fall back to the latest report still approved, in the same transaction.
    await refreshOrganisationYear(tx, report.organisationId, report.year);
    return { version: report.version + 1, status: to };
  });
}
