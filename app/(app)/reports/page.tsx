import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PeriodSelect } from "@/components/reports/period-select";
import { byOrganisation, periodReturnNotes } from "@/lib/reports/returns";
import { StatusTable } from "@/components/reports/status-table";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { FederalReports } from "@/components/reports/federal-reports";
import { requireUser } from "@/lib/auth/guard";
import { RULES } from "@/lib/auth/rules";
import { scopeCountry } from "@/lib/auth/scoped";
import { formatDate } from "@/lib/format";
import { formatPercent } from "@/lib/indicators/formulas";
import { periodLabel } from "@/lib/reports/domain";
import { periodStatuses } from "@/lib/reports/queries";
import { periodSchema } from "@/lib/reports/schemas";
import { completeness, STATUS_LABELS, type DisplayStatus } from "@/lib/reports/status";
import { userClock } from "@/lib/territory/clock";
import { pageWindow } from "@/lib/search";

export const metadata: Metadata = { title: "Отчёты" };

const PAGE_SIZE = 100;
const STATUSES: DisplayStatus[] = ["submitted", "returned", "draft", "not_started", "overdue", "approved"];

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  if (user.role === "curator") redirect(`/reports/${user.organisationId}`);
  const params = await searchParams;
  const parsed = periodSchema.safeParse(params.period ?? "");
  const clock = await userClock(user);
  const current = clock.quarter();
  const period = parsed.success ? parsed.data : current;
  // The federal level: 54 000 organisations are counted by region in SQL, never listed.
  if (RULES.viewRegion[user.role] === "country")
    return <FederalReports country={scopeCountry(user)} period={period} current={current} />;
  const key = `${period.year}-${period.quarter}`;
  const only = STATUSES.find((s) => s === params.status);
  const { deadline, rows } = await periodStatuses(user, period);
  const matching = only ? rows.filter((r) => r.status === only) : rows;
  // A page of organisations at a time: a region can have thousands.
  const { pages, page: pageNo, offset } = pageWindow(matching.length, PAGE_SIZE, params.page);
  const shown = matching.slice(offset, offset + PAGE_SIZE);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
  const byMunicipality = new Map<string, DisplayStatus[]>();
  for (const r of rows) {
    const list = byMunicipality.get(r.municipality);
    if (list) list.push(r.status);
    else byMunicipality.set(r.municipality, [r.status]);
  }
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <PageTitle subtitle={`Срок сдачи — ${formatDate(deadline)}`}>
          Отчёты за {periodLabel(period)}
        </PageTitle>
        <div className="flex flex-wrap items-end gap-3">
          <PeriodSelect value={key} current={current} />
          <Link
            href={`/reports/consolidated?period=${key}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            Сводные формы
          </Link>
        </div>
      </div>
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat
          label="Полнота сдачи"
          value={formatPercent(completeness(rows.map((r) => r.status)) ?? 0)}
          hint="на проверке или принято"
        />
        <Stat label="Ждут проверки" value={counts.submitted} />
        <Stat label="Приняты" value={counts.approved} />
        <Stat label="Просрочены" value={counts.overdue} />
      </div>
      {user.role !== "coordinator" && (
        <Card className="mb-6" title="По муниципалитетам">
          <Table caption="Полнота сдачи по муниципалитетам">
            <thead>
              <tr>
                <Th>Муниципалитет</Th>
                <Th className="text-right">Организаций</Th>
                <Th className="text-right">Принято</Th>
                <Th className="text-right">Полнота сдачи</Th>
              </tr>
            </thead>
            <tbody>
              {[...byMunicipality.entries()].map(([name, list]) => (
                <tr key={name}>
                  <Td>{name}</Td>
                  <Td className="text-right tabular-nums">{list.length}</Td>
                  <Td className="text-right tabular-nums">{list.filter((s) => s === "approved").length}</Td>
                  <Td className="text-right tabular-nums">{formatPercent(completeness(list))}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      <Card title="Организации">
        <nav aria-label="Фильтр по статусу" className="no-print mb-3 flex flex-wrap gap-2 text-sm">
          <Link
            href={`/reports?period=${key}`}
            aria-current={!only ? "page" : undefined}
            className={`rounded-full px-3 py-1 ${!only ? "bg-brand-600 text-white" : "bg-slate-100 hover:bg-slate-200"}`}
          >
            Все ({rows.length})
          </Link>
          {STATUSES.filter((s) => counts[s]).map((s) => (
            <Link
              key={s}
              href={`/reports?period=${key}&status=${s}`}
              aria-current={only === s ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${only === s ? "bg-brand-600 text-white" : "bg-slate-100 hover:bg-slate-200"}`}
            >
              {STATUS_LABELS[s]} ({counts[s]})
            </Link>
          ))}
        </nav>
        <StatusTable
          rows={shown}
          notes={byOrganisation(
            await periodReturnNotes(
              shown.map((r) => r.organisationId),
              period,
            ),
          )}
          periodKey={key}
          caption={`Отчёты организаций за ${periodLabel(period)}`}
          showMunicipality={user.role !== "coordinator"}
          zone={clock.zone}
        />
        <Pager page={pageNo} pages={pages} params={{ period: key, status: only }} path="/reports" />
      </Card>
    </>
  );
}
