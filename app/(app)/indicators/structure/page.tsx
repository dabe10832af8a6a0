import type { Metadata } from "next";
import { ShareBarsChart } from "@/components/charts/share-bars-chart";
import { IndicatorNav } from "@/components/indicators/page-links";
import { IndicatorPrintStyle } from "@/components/indicators/print-style";
import { TerritoryPicker } from "@/components/indicators/territory-picker";
import { YearTabs } from "@/components/indicators/year-tabs";
import { PeriodSelect } from "@/components/reports/period-select";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { userClock } from "@/lib/territory/clock";
import { completenessByMunicipality, parsePeriod } from "@/lib/indicators/completeness";
import { coverageText } from "@/lib/indicators/formulas";
import {
  getterOf,
  parseYear,
  queryOf,
  territoryParams,
  territoryRequest,
  yearSpan,
} from "@/lib/indicators/params";
import { loadStructure } from "@/lib/indicators/structure";
import { formatNumber, formatOneDecimal } from "@/lib/format";
import { pickerChoices, resolveTerritory } from "@/lib/indicators/territory";
import { periodLabel } from "@/lib/reports/domain";
import { indicatorYears } from "@/lib/settings";

export const metadata: Metadata = { title: "Структура участия" };

const n = formatNumber;

export default async function StructurePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const get = getterOf(await searchParams);
  const [t, setting] = await Promise.all([
    pageScope(resolveTerritory(user, territoryRequest(get))),
    indicatorYears(),
  ]);
  const { from, to } = yearSpan(get, setting);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const asked = parseYear(get("year"));
  const year = asked != null && years.includes(asked) ? asked : to;
  const current = (await userClock(user)).quarter();
  const period = parsePeriod(get("period"), current);
  const [choices, s, completeness] = await Promise.all([
    pickerChoices(user, t),
    loadStructure(t, year),
    completenessByMunicipality(user, t, period),
  ]);
  const tq = territoryParams(t);
  const span = { from: get("from"), to: get("to") };
  const hidden = Object.fromEntries(new URLSearchParams(queryOf(tq, { ...span, year })).entries());
  const coverage = coverageText(s);
  const csvOf = (kind: string, extra: Record<string, string | number | null | undefined>) =>
    `/api/indicators/chart${queryOf(tq, { kind, ...extra, format: "csv" })}`;
  return (
    <div>
      <IndicatorPrintStyle />
      <IndicatorNav current="/indicators/structure" admin={user.role === "admin"} query={queryOf(tq, span)} />
      <h1 className="text-2xl font-bold text-slate-900">Структура участия в наставничестве</h1>
      <p className="mt-1 mb-4 text-slate-700">
        {t.name}, {year} год: по последнему принятому отчёту каждой организации за год, {coverage}.
      </p>
      <TerritoryPicker
        action="/indicators/structure"
        territory={t}
        choices={choices}
        from={from}
        to={to}
        keep={{ year, period: `${period.year}-${period.quarter}` }}
      />
      <YearTabs
        years={years}
        current={year}
        href={(y) => `/indicators/structure${queryOf(tq, { ...span, year: y })}`}
      />
      <div className="grid gap-6">
        <ShareBarsChart
          title="Программы по формам наставничества"
          subtitle={`${t.name}, ${year} год`}
          description={`Доля программ каждой формы среди всех программ; участники — наставники и наставляемые без повторов внутри формы. Охват: ${coverage}.`}
          nameLabel="Форма наставничества"
          shareLabel="Доля программ"
          detailLabels={["Программ", "Участников", "Доля участников"]}
          csvHref={csvOf("formats", { ...span, year })}
          rows={s.formats.map((f) => ({
            name: f.label,
            share: f.programmeShare,
            details: [
              n(f.programmes),
              n(f.participants),
              f.participantShare == null ? "нет данных" : `${formatOneDecimal(f.participantShare)} %`,
            ],
          }))}
        />
        <ShareBarsChart
          title="Документы и куратор в организациях"
          subtitle={`${t.name}, ${year} год`}
          description={`Доля организаций с принятым отчётом, у которых документ действует или назначен куратор. Охват: ${coverage}.`}
          nameLabel="Документ"
          shareLabel="Доля организаций"
          detailLabels={["Организаций"]}
          csvHref={csvOf("documents", { ...span, year })}
          color="#0f766e"
          rows={s.documents.map((d) => ({
            name: d.label,
            share: d.share,
            details: [`${n(d.count)} из ${n(s.covered)}`],
          }))}
        />
        {t.level !== "organisation" && (
          <section aria-labelledby="completeness-heading">
            <h2 id="completeness-heading" className="mb-2 text-lg font-semibold text-slate-900">
              Сдача отчётов за {periodLabel(period)}
            </h2>
            <div className="mb-3">
              <PeriodSelect value={`${period.year}-${period.quarter}`} current={current} hidden={hidden} />
            </div>
            {completeness.length === 0 ? (
              <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
                Нет организаций, обязанных сдавать отчёты.
              </p>
            ) : (
              <ShareBarsChart
                title="Полнота сдачи отчётов"
                subtitle={`${t.name}, ${periodLabel(period)}`}
                description="Доля организаций, отчёт которых на проверке или принят."
                nameLabel={t.level === "country" ? "Регион" : "Муниципалитет"}
                shareLabel="Полнота сдачи"
                detailLabels={["Сдано или принято", "Организаций"]}
                csvHref={csvOf("completeness", { period: `${period.year}-${period.quarter}` })}
                color="#6d28d9"
                rows={completeness.map((c) => ({
                  name: c.name,
                  share: c.share,
                  details: [n(c.done), n(c.organisations)],
                }))}
              />
            )}
          </section>
        )}
      </div>
    </div>
  );
}
