import Link from "next/link";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import { StatusTable } from "@/components/reports/status-table";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { formatPercent } from "@/lib/indicators/formulas";
import { periodLabel, previousPeriod } from "@/lib/reports/domain";
import { periodStatuses } from "@/lib/reports/queries";
import { completeness, STATUS_LABELS, type DisplayStatus } from "@/lib/reports/status";
import { userClock } from "@/lib/territory/clock";

/** The home page shows the organisations that need attention first; the full list is paged on «Отчёты». */
const HOME_ROWS = 50;
const ORDER: DisplayStatus[] = ["submitted", "returned", "draft", "not_started", "overdue", "approved"];

export async function CoordinatorHome({ user, title }: { user: SessionUser; title: string }) {
  const clock = await userClock(user);
  const period = clock.quarter();
  const previous = previousPeriod(period);
  const [current, prev] = await Promise.all([periodStatuses(user, period), periodStatuses(user, previous)]);
  const counts = countBy(current.rows.map((r) => r.status));
  const prevOverdue = prev.rows.filter((r) => r.status === "overdue");
  return (
    <>
      <PageTitle subtitle={`Отчёты за ${periodLabel(period)} · срок сдачи ${formatDate(current.deadline)}`}>
        {title}
      </PageTitle>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat
          label="Полнота сдачи"
          value={formatPercent(completeness(current.rows.map((r) => r.status)) ?? 0)}
          hint="сдано на проверку или принято"
        />
        <Stat label="Ждут проверки" value={counts.submitted ?? 0} />
        <Stat label="Приняты" value={counts.approved ?? 0} />
        <Stat label="Организаций" value={current.rows.length} />
      </div>
      {prevOverdue.length > 0 && (
        <Card className="mt-6 border-red-200" title={`Не сданы за ${periodLabel(previous)}`}>
          <p className="text-sm text-slate-700">Срок сдачи ({formatDate(prev.deadline)}) прошёл:</p>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {prevOverdue.slice(0, HOME_ROWS).map((r) => (
              <li key={r.organisationId}>
                <Link
                  href={`/reports/${r.organisationId}/${previous.year}-${previous.quarter}`}
                  className="text-brand-700 hover:underline"
                >
                  {r.shortName}
                </Link>
              </li>
            ))}
          </ul>
          {prevOverdue.length > HOME_ROWS && (
            <p className="mt-2 text-sm text-slate-700">
              …и ещё {prevOverdue.length - HOME_ROWS}:{" "}
              <Link
                href={`/reports?period=${previous.year}-${previous.quarter}&status=overdue`}
                className="text-brand-700 underline"
              >
                все просроченные
              </Link>
            </p>
          )}
        </Card>
      )}
      <Card className="mt-6" title="Отчёты организаций">
        <p className="mb-3 text-sm text-slate-600">
          {ORDER.filter((s) => counts[s])
            .map((s) => `${STATUS_LABELS[s]}: ${counts[s]}`)
            .join(" · ")}
        </p>
        <StatusTable
          rows={sortRows(current.rows).slice(0, HOME_ROWS)}
          periodKey={`${period.year}-${period.quarter}`}
          caption={`Статусы отчётов за ${periodLabel(period)}`}
          showMunicipality={user.role !== "coordinator"}
          zone={clock.zone}
        />
        {current.rows.length > HOME_ROWS && (
          <p className="mt-3 text-sm">
            Показаны первые {HOME_ROWS} из {current.rows.length}: сначала те, что ждут проверки.{" "}
            <Link href="/reports" className="text-brand-700 underline">
              Все организации — в разделе «Отчёты»
            </Link>
          </p>
        )}
      </Card>
    </>
  );
}

function countBy(statuses: DisplayStatus[]): Partial<Record<DisplayStatus, number>> {
  const out: Partial<Record<DisplayStatus, number>> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

function sortRows<T extends { status: DisplayStatus; shortName: string }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.shortName.localeCompare(b.shortName, "ru"),
  );
}
