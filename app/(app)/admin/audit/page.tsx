import type { Metadata } from "next";
import { AuditFiltersForm } from "@/components/admin/audit-filters";
import { Card, PageTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, Th } from "@/components/ui/table";
import { AuditRows, type AuditLine } from "@/components/admin/audit-rows";
import { filterParams, parseAuditFilters } from "@/lib/admin/audit/filters";
import { describeAudit } from "@/lib/admin/audit/describe";
import { auditFilterOptions, listAudit } from "@/lib/admin/audit/queries";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { timeZoneShort } from "@/lib/clock";
import { formatDateTime } from "@/lib/format";
import { userClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Журнал действий" };

/** The page lists at most this many changed fields of a record; the CSV has them all. */
const SHOWN_CHANGES = 8;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("readAudit"));
  const f = parseAuditFilters(await searchParams);
  const [log, options, clock] = await Promise.all([
    listAudit(user, f),
    auditFilterOptions(user),
    userClock(user),
  ]);
  const params = filterParams(f);
  const csv = `/admin/audit/export?${new URLSearchParams(Object.entries(params).filter(([, v]) => v) as [string, string][])}`;
  return (
    <>
      <PageTitle
        subtitle={
          user.role === "admin"
            ? "Все изменения в регионе: кто, когда, что"
            : "Изменения в организациях вашего муниципалитета"
        }
      >
        Журнал действий
      </PageTitle>
      <AuditFiltersForm f={f} users={options.users} organisations={options.organisations} />
      <Card
        title={`Записей: ${log.total}`}
        actions={
          <a
            href={csv}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
            download
          >
            Скачать CSV
          </a>
        }
      >
        <Table caption="Журнал действий">
          <thead>
            <tr>
              <Th>Когда ({timeZoneShort(clock.zone)})</Th>
              <Th>Кто</Th>
              <Th>Действие</Th>
              <Th>Запись</Th>
              <Th>Организация / муниципалитет</Th>
              <Th>Изменения</Th>
            </tr>
          </thead>
          <AuditRows
            lines={log.rows.map((r): AuditLine => {
              const d = describeAudit(r, clock.zone);
              return {
                id: r.id,
                at: formatDateTime(r.at, clock.zone),
                userName: r.userName,
                userEmail: r.userEmail,
                action: d.action,
                subject: d.subject,
                place: r.organisation ?? r.municipality ?? "—",
                changes: d.changes.slice(0, SHOWN_CHANGES),
                more: Math.max(0, d.changes.length - SHOWN_CHANGES),
              };
            })}
          />
        </Table>
        <Pager page={log.page} pages={log.pages} params={params} path="/admin/audit" />
      </Card>
    </>
  );
}
