import { PeriodSelect } from "@/components/reports/period-select";
import { RegionCompletenessTable } from "@/components/reports/region-completeness";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import type { ScopedCountry } from "@/lib/auth/scoped";
import { formatNumber } from "@/lib/format";
import { formatPercent } from "@/lib/indicators/formulas";
import { completenessByRegion, countryTotal } from "@/lib/reports/by-region";
import { periodLabel, type Period } from "@/lib/reports/domain";

/** «Сдача отчётов» of the federal level: the period's completeness by region, counted in SQL. */
export async function FederalReports(props: { country: ScopedCountry; period: Period; current: Period }) {
  const { period } = props;
  const key = `${period.year}-${period.quarter}`;
  const rows = await completenessByRegion(props.country, period);
  const total = countryTotal(rows);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <PageTitle subtitle="Все регионы; у каждого региона свои сроки сдачи">
          Сдача отчётов за {periodLabel(period)}
        </PageTitle>
        <PeriodSelect value={key} current={props.current} />
      </div>
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Полнота сдачи" value={formatPercent(total.share)} hint="на проверке или принято" />
        <Stat label="Организаций" value={formatNumber(total.organisations)} />
        <Stat label="Приняты" value={formatNumber(total.approved)} />
        <Stat label="Не начаты" value={formatNumber(total.notStarted)} />
      </div>
      <Card title="По регионам">
        <RegionCompletenessTable
          caption={`Сдача отчётов за ${periodLabel(period)} по регионам`}
          total={total}
          rows={rows}
          hrefs={Object.fromEntries(
            rows.map((r) => [
              r.id,
              `/indicators/structure?region=${r.id}&period=${key}#completeness-heading`,
            ]),
          )}
        />
      </Card>
      <p className="mt-3 max-w-3xl text-sm text-slate-700">
        Регион открывает сдачу отчётов по его муниципалитетам. Имена участников и реестры на федеральном
        уровне не показываются.
      </p>
    </>
  );
}
