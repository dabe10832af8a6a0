import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/home/status-badge";
import { ChecksPanel, sentNote } from "@/components/reports/checks";
import { Comparison } from "@/components/reports/comparison";
import { ReportHistory } from "@/components/reports/history";
import { ReportEditor } from "@/components/reports/report-editor";
import { ReportPrintStyle } from "@/components/reports/print-style";
import { Form1Documents, Form1View, FormsView, SummaryView } from "@/components/reports/report-tables";
import { CreateReportButton, ReopenPanel, ReviewPanel } from "@/components/reports/review-panel";
import { Card } from "@/components/ui/card";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { scopeOrg } from "@/lib/auth/scoped";
import { formatDate, formatDateTime } from "@/lib/format";
import { periodLabel, previousPeriod } from "@/lib/reports/domain";
import { FORM_HEADINGS } from "@/lib/reports/headings";
import { reportPageData } from "@/lib/reports/page-data";
import { periodSchema } from "@/lib/reports/schemas";
import { regionClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Квартальный отчёт" };

export default async function ReportPage({ params }: { params: Promise<{ orgId: string; period: string }> }) {
  const user = await requireUser();
  const p = await params;
  const period = periodSchema.safeParse(p.period);
  if (!period.success) notFound();
  const scope = await pageScope(scopeOrg(user, Number(p.orgId), "view"));
  const data = await reportPageData(user, scope, period.data);
  const { org, report, content, checks } = data;
  const { zone } = await regionClock(scope.regionId);
  const returned = data.history.find((h) => h.to === "returned");
  return (
    <>
      <ReportPrintStyle />
      <div className="mb-6">
        <p className="text-sm text-slate-600">
          <Link href={`/reports/${org.id}`} className="text-brand-700 underline">
            {org.shortName}
          </Link>{" "}
          · {data.municipality.name}
        </p>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold">
          Отчёт за {periodLabel(data.period)} <StatusBadge status={data.status} />
          {report?.mode === "manual" && (
            <span className="text-sm font-normal text-slate-600">заполнен вручную</span>
          )}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Срок сдачи — {formatDate(data.deadline)}
          {report ? ` · версия ${report.version}` : ""}
        </p>
        {data.intake !== "open" && (
          <p role="status" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
            {data.intake === "closed"
              ? `Приём отчётов за ${periodLabel(data.period)} закрыт: отчёт нельзя начать, сохранить или отправить.`
              : `Приём отчётов за ${periodLabel(data.period)} не открыт: отчётные периоды открывает администратор региона.`}
          </p>
        )}
      </div>

      {!report || !content || !checks ? (
        <Card title="Отчёт ещё не начат">
          <p className="mb-4 text-slate-700">
            Форма 1 заполнится из карточки организации и реестра документов, формы 2–5 — из реестров программ
            и пар.
          </p>
          {data.canCreate ? (
            <CreateReportButton
              organisationId={org.id}
              period={`${data.period.year}-${data.period.quarter}`}
            />
          ) : data.intake !== "open" ? (
            <p className="text-sm text-slate-600">Начать отчёт можно, только пока период открыт.</p>
          ) : (
            <p className="text-sm text-slate-600">Отчёт начинает куратор организации.</p>
          )}
        </Card>
      ) : (
        <div className="report-print grid gap-6 xl:grid-cols-3">
          <div className="min-w-0 space-y-6 xl:col-span-2">
            {(report.status === "submitted" || report.status === "approved") && data.history[0] && (
              <div
                role="status"
                className={`rounded-lg border p-4 ${report.status === "approved" ? "border-green-300 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-950"}`}
              >
                <p className="font-semibold">
                  {report.status === "approved" ? "Отчёт принят" : "Отчёт отправлен на проверку"}{" "}
                  {formatDateTime(data.history[0].at, zone)}
                  {data.history[0].who ? ` (${data.history[0].who})` : ""}.
                </p>
                <p className="mt-1 text-sm">{sentNote(report.status, user.role, data)}</p>
              </div>
            )}
            {report.status === "returned" && returned?.comment && (
              <div role="status" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
                <p className="font-semibold">Отчёт возвращён на доработку</p>
                <p className="mt-1">
                  «{returned.comment}» — {returned.who}
                </p>
              </div>
            )}
            <Card>
              {data.editable ? (
                <ReportEditor
                  initial={{
                    reportId: report.id,
                    version: report.version,
                    mode: report.mode,
                    form1: {
                      directorName: content.form1.directorName,
                      phone: content.form1.phone,
                      email: content.form1.email,
                      address: content.form1.address,
                      learners10to18: content.form1.learners10to18,
                      teachingStaff: content.form1.teachingStaff,
                      youngTeachers: content.form1.youngTeachers,
                      curatorName: content.form1.curatorName,
                    },
                    forms: report.mode === "manual" ? report.forms : undefined,
                    summary: report.mode === "manual" ? report.summary : undefined,
                  }}
                  computed={{ forms: content.forms, summary: content.summary }}
                  previous={
                    data.previous ? { forms: data.previous.forms, summary: data.previous.summary } : null
                  }
                  canSubmit={Boolean(data.canSubmit)}
                  form1Names={{
                    municipality: content.form1.municipality,
                    organisation: content.form1.organisation,
                  }}
                  form1Documents={<Form1Documents documents={content.form1.documents} />}
                  checks={{ errors: checks.errors, warnings: checks.warnings }}
                />
              ) : (
                <div className="space-y-8">
                  <section>
                    <h2 className="mb-2 text-lg font-semibold">Форма 1. {FORM_HEADINGS.form1}</h2>
                    <Form1View form1={content.form1} errors={checks.errors} warnings={checks.warnings} />
                  </section>
                  <section>
                    <h2 className="mb-2 text-lg font-semibold">Формы 2–5 и прочие формы</h2>
                    <FormsView
                      forms={content.forms}
                      municipality={content.form1.municipality}
                      organisation={content.form1.organisation}
                      errors={checks.errors}
                      warnings={checks.warnings}
                    />
                  </section>
                  <section>
                    <h2 className="mb-2 text-lg font-semibold">Сводные показатели</h2>
                    <SummaryView
                      summary={content.summary}
                      errors={checks.errors}
                      warnings={checks.warnings}
                    />
                  </section>
                </div>
              )}
            </Card>
          </div>
          <aside className="space-y-6">
            <Card title="Проверка">
              <ChecksPanel checks={checks} status={report.status} curator={user.role === "curator"} />
            </Card>
            {data.canReview && (
              <Card title="Решение координатора">
                <ReviewPanel reportId={report.id} version={report.version} />
              </Card>
            )}
            {data.canReopen && (
              <Card title="Повторное открытие">
                <ReopenPanel reportId={report.id} version={report.version} />
              </Card>
            )}
            {user.role !== "curator" && (
              <Card title="Сравнение с прошлым кварталом">
                <Comparison
                  current={content}
                  previous={data.previous}
                  previousLabel={shortPeriod(previousPeriod(data.period))}
                />
              </Card>
            )}
            <Card title="История">
              <ReportHistory history={data.history} zone={zone} />
            </Card>
          </aside>
        </div>
      )}
    </>
  );
}

/** «III кв. 2026» for a narrow column heading. */
const shortPeriod = (p: { year: number; quarter: number }) =>
  `${["I", "II", "III", "IV"][p.quarter - 1]} кв. ${p.year}`;
