import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/home/status-badge";
import { Card, PageTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { scopeOrg } from "@/lib/auth/scoped";
import { formatDate, formatDateTime } from "@/lib/format";
import { periodLabel } from "@/lib/reports/domain";
import { organisationReportList } from "@/lib/reports/page-data";
import { organisationReturnNotes, returnKey } from "@/lib/reports/returns";
import { ReturnNoteView } from "@/components/reports/return-note";
import { regionClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Отчёты организации" };

export default async function OrganisationReportsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const user = await requireUser();
  const scope = await pageScope(scopeOrg(user, Number((await params).orgId), "view"));
  const [{ org, list }, notes] = await Promise.all([
    organisationReportList(scope),
    organisationReturnNotes(scope),
  ]);
  const { zone } = await regionClock(scope.regionId);
  return (
    <>
      <PageTitle subtitle="Квартальные отчёты по формам 1–5, с 2021 года">{org.shortName}</PageTitle>
      <Card>
        <Table caption="Отчёты организации по кварталам">
          <thead>
            <tr>
              <Th>Период</Th>
              <Th>Статус</Th>
              <Th>Срок сдачи</Th>
              <Th>Изменён</Th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.key}>
                <Td>
                  <Link href={`/reports/${org.id}/${r.key}`} className="text-brand-700 hover:underline">
                    {periodLabel(r.period)}
                  </Link>
                  {r.mode === "manual" && <span className="ml-2 text-xs text-slate-500">(вручную)</span>}
                </Td>
                <Td>
                  <StatusBadge status={r.status} />
                  {notes.has(returnKey(org.id, r.period)) && (
                    <ReturnNoteView note={notes.get(returnKey(org.id, r.period))!} zone={zone} compact />
                  )}
                </Td>
                <Td>
                  {formatDate(r.deadline)}
                  {r.intake !== "open" && (
                    <span className="ml-2 text-xs text-slate-500">
                      {r.intake === "closed" ? "(приём закрыт)" : "(не открыт)"}
                    </span>
                  )}
                </Td>
                <Td className="text-slate-600">{formatDateTime(r.updatedAt, zone)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
