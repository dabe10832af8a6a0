import Link from "next/link";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import { StatusTable } from "@/components/reports/status-table";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { periodLabel, previousPeriod, quarterOf } from "@/lib/reports/domain";
import { periodStatuses } from "@/lib/reports/queries";
import { completeness, STATUS_LABELS, type DisplayStatus } from "@/lib/reports/status";

const ORDER: DisplayStatus[] = ["submitted", "returned", "draft", "not_started", "overdue", "approved"];

export async function CoordinatorHome({ user, title }: { user: SessionUser; title: string }) {
  const period = quarterOf(new Date());
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
          value={`${completeness(current.rows.map((r) => r.status)) ?? 0} %`}
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
            {prevOverdue.map((r) => (
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
        </Card>
      )}
      <Card className="mt-6" title="Отчёты организаций">
        <p className="mb-3 text-sm text-slate-600">
          {ORDER.filter((s) => counts[s])
            .map((s) => `${STATUS_LABELS[s]}: ${counts[s]}`)
            .join(" · ")}
        </p>
        <StatusTable
          rows={sortRows(current.rows)}
          periodKey={`${period.year}-${period.quarter}`}
          caption={`Статусы отчётов за ${periodLabel(period)}`}
          showMunicipality={user.role !== "coordinator"}
        />
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
