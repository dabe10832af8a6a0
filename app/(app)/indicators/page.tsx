import type { Metadata } from "next";
import { IndicatorTable } from "@/components/indicators/indicator-table";
import { DownloadLinks, IndicatorNav } from "@/components/indicators/page-links";
import { PrintButton } from "@/components/indicators/print-button";
import { IndicatorPrintStyle } from "@/components/indicators/print-style";
import { RegionTable } from "@/components/indicators/region-table";
import { TerritoryPicker } from "@/components/indicators/territory-picker";
import { YearTabs } from "@/components/indicators/year-tabs";
import { regionTable } from "@/lib/indicators/by-region";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { tableFor } from "@/lib/indicators/page-data";
import { getterOf, parseYear, queryOf, territoryParams, territoryRequest } from "@/lib/indicators/params";
import { pickerChoices, resolveTerritory } from "@/lib/indicators/territory";

export const metadata: Metadata = { title: "Показатели" };

const LEVEL = {
  country: "все регионы",
  region: "регион",
  municipality: "муниципалитет",
  organisation: "организация",
} as const;

export default async function IndicatorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const get = getterOf(await searchParams);
  const t = await pageScope(resolveTerritory(user, territoryRequest(get)));
  const [data, choices] = await Promise.all([tableFor(t, get), pickerChoices(user, t)]);
  const years = { from: get("from"), to: get("to") };
  const query = queryOf(territoryParams(t), years);
  const file = (format: string) =>
    `/api/indicators/table${queryOf(territoryParams(t), { ...years, format })}`;
  // The federal level: every region for one year (the latest with reports, or ?year=), under the table.
  const asked = parseYear(get("year"));
  const latest = [...(data.rows[0]?.cells ?? [])].reverse().find((c) => c.covered > 0)?.year ?? data.to;
  const regionYear = asked != null && data.years.includes(asked) ? asked : latest;
  const byRegion = t.level === "country" ? await regionTable(t.ref, regionYear) : null;
  return (
    <div>
      <IndicatorPrintStyle />
      <IndicatorNav current="/indicators" admin={user.role === "admin"} query={query} />
      <h1 className="text-2xl font-bold text-slate-900">Показатели целевой модели наставничества</h1>
      <p className="mt-1 mb-4 text-slate-700">
        {t.name} ({LEVEL[t.level]}), {data.from}–{data.to} гг. Значения считаются по принятым отчётам
        организаций.
      </p>
      <TerritoryPicker action="/indicators" territory={t} choices={choices} from={data.from} to={data.to} />
      <div className="no-print mb-4 flex flex-wrap items-center gap-2">
        <DownloadLinks
          items={[
            { href: file("xlsx"), label: "Скачать XLSX" },
            { href: file("csv"), label: "Скачать CSV" },
          ]}
        />
        <PrintButton />
      </div>
      <IndicatorTable rows={data.rows} territory={t.name} query={query} />
      <p className="no-print mt-4 text-sm text-slate-700">
        Название показателя открывает его график: факт и план по годам
        {t.level === "organisation"
          ? "."
          : t.level === "country"
            ? " и сравнение регионов."
            : " и сравнение муниципалитетов или организаций."}
      </p>
      {byRegion && (
        <section aria-labelledby="regions-heading" className="mt-8">
          <h2 id="regions-heading" className="mb-2 text-lg font-semibold text-slate-900">
            По регионам
          </h2>
          <YearTabs
            years={data.years}
            current={regionYear}
            href={(y) => `/indicators${queryOf({}, { ...years, year: y })}#regions-heading`}
          />
          <RegionTable
            year={regionYear}
            total={byRegion.total}
            regions={byRegion.regions}
            href={(id) => `/indicators${queryOf({ regionId: id }, years)}`}
          />
        </section>
      )}
    </div>
  );
}
