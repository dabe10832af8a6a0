import type { Metadata } from "next";
import { OpenPeriodForm, PeriodRowForm } from "@/components/admin/period-forms";
import { RegionTimeZoneForm } from "@/components/admin/region-time-zone-form";
import { Card, PageTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listPeriods, suggestedPeriod } from "@/lib/admin/periods/queries";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";
import { formatNumber } from "@/lib/format";
import { periodLabel } from "@/lib/reports/domain";
import { regionClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Отчётные периоды" };

export default async function PeriodsPage() {
  const user = await requireUser(rolesWith("administerRegion"));
  const region = await pageScope(scopeAdminRegion(user));
  const clock = await regionClock(region.id);
  const rows = await listPeriods(region);
  const next = suggestedPeriod(rows, clock.quarter());
  return (
    <>
      <PageTitle subtitle="Кварталы, за которые организации региона сдают отчёты, и сроки сдачи. Отчёты создаются, сохраняются и отправляются только в открытом периоде; проверка координатором продолжается и после закрытия.">
        Отчётные периоды
      </PageTitle>
      <Card title="Часовой пояс региона" className="mb-6">
        <RegionTimeZoneForm timeZone={clock.zone} />
      </Card>
      <Card title="Открыть период" className="mb-6">
        <OpenPeriodForm initial={{ year: next.year, quarter: next.quarter, deadline: next.deadline }} />
      </Card>
      <Card title={`Периоды: ${rows.length}`}>
        <Table caption="Отчётные периоды">
          <thead>
            <tr>
              <Th>Период</Th>
              <Th className="text-right">Отчётов</Th>
              <Th>Срок и состояние</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={`${p.year}-${p.quarter}`}>
                <Td className="whitespace-nowrap">{periodLabel(p)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(p.reports)}</Td>
                <Td>
                  <PeriodRowForm
                    key={p.updatedAt.toISOString()}
                    year={p.year}
                    quarter={p.quarter}
                    deadline={p.deadline}
                    open={p.open}
                    updatedAt={p.updatedAt.toISOString()}
                  />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
