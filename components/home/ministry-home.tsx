import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { SessionUser } from "@/lib/auth/roles";
import type { ScopedRegion } from "@/lib/auth/scoped";
import { coverageText, formatPercent, percent, type Ratio } from "@/lib/indicators/formulas";
import { headlineIndicators } from "@/lib/indicators/queries";
import { regionFigures } from "@/lib/indicators/ref";
import { regionTargets } from "@/lib/indicators/targets";
import { periodLabel } from "@/lib/reports/domain";
import { periodCompletenessByMunicipality } from "@/lib/reports/queries";
import { completenessShare } from "@/lib/reports/status";
import { indicatorYears } from "@/lib/settings";
import { regionClock } from "@/lib/territory/clock";

export async function MinistryHome({
  user,
  region,
  regionName,
}: {
  user: SessionUser;
  region: ScopedRegion;
  regionName: string;
}) {
  const years = await indicatorYears();
  const period = (await regionClock(region.id)).quarter();
  const [headline, plan, byMunicipality] = await Promise.all([
    headlineIndicators(regionFigures(region), years.from, years.to),
    regionTargets(region, ["N1", "N2"]),
    // Counted in the database: a region may have tens of thousands of organisations.
    periodCompletenessByMunicipality(user, period),
  ]);
  const rows: { code: "N1" | "N2"; label: string; pick: (h: (typeof headline)[number]) => Ratio }[] = [
    { code: "N1", label: "Н1. Доля обучающихся, вовлечённых в наставничество", pick: (h) => h.n1 },
    { code: "N2", label: "Н2. Доля педагогов, вовлечённых в наставничество", pick: (h) => h.n2 },
  ];
  return (
    <>
      <PageTitle subtitle="Главные показатели целевой модели наставничества: цель 2024 года — не менее 70 %">
        {regionName}
      </PageTitle>
      <Card
        title={`Вовлечённость, ${years.from}–${years.to}`}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <Link href="/indicators/N1" className="text-brand-700 underline">
              Н1 по муниципалитетам
            </Link>
            <Link href="/indicators" className="text-brand-700 underline">
              Все показатели
            </Link>
          </div>
        }
      >
        <Table caption="Показатели Н1 и Н2 по годам: факт, план и охват данными">
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
                  const target = plan.get(`${row.code}:${h.year}`);
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
          Факт считается по последнему принятому отчёту каждой организации за год; красным — ниже плана.
        </p>
      </Card>
      <Card className="mt-6" title={`Сдача отчётов за ${periodLabel(period)} по муниципалитетам`}>
        <Table caption="Полнота сдачи отчётов по муниципалитетам">
          <thead>
            <tr>
              <Th>Муниципалитет</Th>
              <Th className="text-right">Организаций</Th>
              <Th className="text-right">Сдано или принято</Th>
            </tr>
          </thead>
          <tbody>
            {byMunicipality
              .sort((a, b) => a.municipality.localeCompare(b.municipality, "ru"))
              .map((m) => (
                <tr key={m.municipalityId}>
                  <Td>{m.municipality}</Td>
                  <Td className="text-right tabular-nums">{m.organisations}</Td>
                  <Td className="text-right tabular-nums">
                    {m.done} ({formatPercent(completenessShare(m.done, m.organisations) ?? 0)})
                  </Td>
                </tr>
              ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
