import Link from "next/link";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { ScopedCountry } from "@/lib/auth/scoped";
import { formatNumber } from "@/lib/format";
import { coverageText, formatPercent, percent, type Ratio } from "@/lib/indicators/formulas";
import { effectivePlan } from "@/lib/indicators/plan";
import { headlineIndicators } from "@/lib/indicators/queries";
import { countryFigures } from "@/lib/indicators/ref";
import { COUNTRY_NAME } from "@/lib/indicators/territory";
import { completenessByRegion, countryTotal } from "@/lib/reports/by-region";
import { periodLabel, type Period } from "@/lib/reports/domain";
import { indicatorYears } from "@/lib/settings";

/** The federal level's home: Н1 and Н2 of the country against the national plan, and the period's completeness. */
export async function FederalHome({ country, period }: { country: ScopedCountry; period: Period }) {
  const years = await indicatorYears();
  const ref = countryFigures(country);
  const span = Array.from({ length: years.to - years.from + 1 }, (_, i) => years.from + i);
  const [headline, plan, regions] = await Promise.all([
    headlineIndicators(ref, years.from, years.to),
    effectivePlan(ref, span, ["N1", "N2"]),
    completenessByRegion(country, period),
  ]);
  const total = countryTotal(regions);
  const lagging = regions.filter((r) => r.organisations > 0 && (r.share ?? 0) < 50).length;
  const rows: { code: "N1" | "N2"; label: string; pick: (h: (typeof headline)[number]) => Ratio }[] = [
    { code: "N1", label: "Н1. Доля обучающихся, вовлечённых в наставничество", pick: (h) => h.n1 },
    { code: "N2", label: "Н2. Доля педагогов, вовлечённых в наставничество", pick: (h) => h.n2 },
  ];
  return (
    <>
      <PageTitle subtitle={`Все регионы: ${formatNumber(regions.length)}. Цель 2024 года — не менее 70 %`}>
        {COUNTRY_NAME}
      </PageTitle>
      <Card
        title={`Вовлечённость по стране, ${years.from}–${years.to}`}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <Link href="/indicators/N1" className="text-brand-700 underline">
              Н1 по регионам
            </Link>
            <Link href="/indicators" className="text-brand-700 underline">
              Все показатели по регионам
            </Link>
          </div>
        }
      >
        <Table caption="Показатели Н1 и Н2 по стране: факт, план и охват данными">
          <thead>
            <tr>
              <Th>Показатель</Th>
              {headline.map((h) => (
                <Th key={h.year} className="text-right">
                  {h.year}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <Th scope="row" className="bg-white font-medium">
                  {row.label}
                </Th>
                {headline.map((h) => {
                  const ratio = row.pick(h);
                  const fact = percent(ratio);
                  const target = plan.get(`${row.code}:${h.year}`)?.value;
                  const below = fact != null && target != null && fact < target;
                  return (
                    <Td key={h.year} className="text-right tabular-nums">
                      <div className={`text-lg font-semibold ${below ? "text-red-700" : "text-slate-900"}`}>
                        {formatPercent(fact)}
                        {below && <span className="sr-only"> (ниже плана)</span>}
                      </div>
                      <div className="text-xs text-slate-600">
                        план {target == null ? "не задан" : formatPercent(target)}
                      </div>
                      <div className="text-xs text-slate-500">{coverageText(ratio)}</div>
                    </Td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-3 text-xs text-slate-600">
          Факт — сумма числителей и знаменателей всех регионов; план страны — планы регионов, взвешенные по
          знаменателю показателя. Красным — ниже плана.
        </p>
      </Card>
      <Card
        className="mt-6"
        title={`Сдача отчётов за ${periodLabel(period)}`}
        actions={
          <Link href="/reports" className="text-brand-700 text-sm underline">
            По регионам
          </Link>
        }
      >
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Stat label="Полнота сдачи" value={formatPercent(total.share)} hint="на проверке или принято" />
          <Stat label="Организаций" value={formatNumber(total.organisations)} />
          <Stat label="Приняты" value={formatNumber(total.approved)} />
          <Stat label="Регионов с полнотой ниже 50 %" value={formatNumber(lagging)} />
        </div>
      </Card>
    </>
  );
}
