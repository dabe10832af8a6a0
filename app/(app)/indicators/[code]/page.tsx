import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IndicatorBarsChart } from "@/components/charts/indicator-bars-chart";
import { IndicatorLineChart } from "@/components/charts/indicator-line-chart";
import { DownloadLinks, IndicatorNav } from "@/components/indicators/page-links";
import { IndicatorPrintStyle } from "@/components/indicators/print-style";
import { DistributionView } from "@/components/indicators/distribution";
import { TerritoryPicker } from "@/components/indicators/territory-picker";
import { YearTabs } from "@/components/indicators/year-tabs";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { indicatorFor, indicatorHref } from "@/lib/indicators/chart-data";
import { displayCode } from "@/lib/indicators/definitions";
import { coverageText } from "@/lib/indicators/formulas";
import {
  getterOf,
  parseCode,
  queryOf,
  queryParams,
  territoryParams,
  territoryRequest,
} from "@/lib/indicators/params";
import { pickerChoices, resolveTerritory } from "@/lib/indicators/territory";

export const metadata: Metadata = { title: "Показатель" };

export default async function IndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const code = parseCode((await params).code);
  if (!code) notFound();
  const get = getterOf(await searchParams);
  const t = await pageScope(resolveTerritory(user, territoryRequest(get)));
  const [d, choices] = await Promise.all([indicatorFor(t, get, code), pickerChoices(user, t)]);
  const years = { from: get("from"), to: get("to") };
  const tq = territoryParams(t);
  const name = `${displayCode(code)}. ${d.row.label}`;
  const all = d.bars?.countryWide ? "municipalities" : null;
  const CHILDREN = {
    region: { many: "Регионы", one: "Регион", none: "Нет регионов." },
    municipality: {
      many: "Муниципалитеты",
      one: "Муниципалитет",
      none: "В регионе нет муниципалитетов.",
    },
    organisation: {
      many: "Организации",
      one: "Организация",
      none: "В муниципалитете нет организаций, обязанных участвовать.",
    },
  } as const;
  const kids = d.bars ? CHILDREN[d.bars.children] : null;
  const heading = !d.bars
    ? ""
    : d.bars.countryWide
      ? "Все муниципалитеты страны"
      : d.bars.children === "organisation"
        ? `Организации: ${t.name}`
        : d.bars.children === "region"
          ? "Регионы"
          : "Муниципалитеты";
  const file = (kind: string, format: string) =>
    `/api/indicators/chart${queryOf(tq, { code, kind, year: d.year, ...years, format })}`;
  const up =
    t.level === "region" && choices.regions.length > 0
      ? { href: indicatorHref(code, get, {}, d.year), label: "← Все регионы" }
      : t.level === "municipality" && choices.region
        ? { href: indicatorHref(code, get, { regionId: t.regionId }, d.year), label: "← Все муниципалитеты" }
        : t.level === "organisation" && user.role !== "curator"
          ? {
              href: indicatorHref(code, get, { municipalityId: t.municipalityId! }, d.year),
              label: "← Организации муниципалитета",
            }
          : null;
  return (
    <div>
      <IndicatorPrintStyle />
      <IndicatorNav current="/indicators/N1" admin={user.role === "admin"} query={queryOf(tq, years)} />
      <p className="no-print mb-2 text-sm">
        <Link href={`/indicators${queryOf(tq, years)}`} className="text-brand-700 underline">
          Все показатели
        </Link>
        {up && (
          <>
            {" · "}
            <Link href={up.href} className="text-brand-700 underline">
              {up.label}
            </Link>
          </>
        )}
      </p>
      <h1 className="text-2xl font-bold text-slate-900">{name}</h1>
      <p className="mt-1 mb-4 text-slate-700">
        {t.name}, {d.from}–{d.to} гг.
      </p>
      <TerritoryPicker
        action={`/indicators/${code}`}
        territory={t}
        choices={choices}
        from={d.from}
        to={d.to}
        keep={{ year: d.year }}
      />
      <div className="grid gap-6">
        <section aria-labelledby="line-heading">
          <h2 id="line-heading" className="mb-2 text-lg font-semibold text-slate-900">
            Факт и план по годам
          </h2>
          <IndicatorLineChart
            title={name}
            subtitle={`${t.name}, ${d.from}–${d.to} гг.`}
            unit={d.row.unit}
            points={d.row.cells.map((c) => ({ year: c.year, fact: c.fact, plan: c.plan }))}
            csvHref={file("line", "csv")}
          />
          <p className="mt-2 text-sm text-slate-700">
            Охват данными: {d.row.cells.map((c) => `${c.year} — ${coverageText(c)}`).join("; ")}.
          </p>
          <div className="no-print mt-2 flex flex-wrap gap-2">
            <DownloadLinks items={[{ href: file("line", "xlsx"), label: "Данные по годам (XLSX)" }]} />
          </div>
        </section>
        {d.bars && kids && (
          <section aria-labelledby="bars-heading">
            <h2 id="bars-heading" className="mb-2 text-lg font-semibold text-slate-900">
              {heading}, {d.year} год
            </h2>
            {t.level === "country" && (
              <nav aria-label="Что сравнивать" className="no-print mb-3 flex flex-wrap gap-3 text-sm">
                {[
                  { label: "Регионы", value: null },
                  { label: "Все муниципалитеты страны", value: "municipalities" },
                ].map((o) => (
                  <Link
                    key={o.label}
                    href={`/indicators/${code}${queryOf(tq, { year: d.year, ...years, all: o.value })}`}
                    aria-current={all === o.value ? "page" : undefined}
                    className={all === o.value ? "font-semibold text-slate-900" : "text-brand-700 underline"}
                  >
                    {o.label}
                  </Link>
                ))}
              </nav>
            )}
            <YearTabs
              years={d.years}
              current={d.year}
              href={(y) => `/indicators/${code}${queryOf(tq, { year: y, ...years, all })}`}
            />
            {d.bars.items.length === 0 ? (
              <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{kids.none}</p>
            ) : d.bars.spread ? (
              <DistributionView
                spread={d.bars.spread}
                search={d.bars.search}
                unit={d.row.unit}
                target={d.bars.target}
                childLabel={kids.one}
                manyLabel={kids.many}
                action={`/indicators/${code}`}
                keep={{ ...queryParams(tq), year: d.year, ...years, all }}
              />
            ) : (
              <IndicatorBarsChart
                title={name}
                subtitle={`${kids.many} — ${t.name}, ${d.year} год`}
                description={
                  d.bars.children === "region"
                    ? "Щелчок по столбцу или названию открывает муниципалитеты региона."
                    : d.bars.children === "municipality"
                      ? "Щелчок по столбцу или названию открывает организации муниципалитета."
                      : "Щелчок по столбцу или названию открывает показатель организации."
                }
                unit={d.row.unit}
                childLabel={kids.one}
                items={d.bars.items}
                target={d.bars.target}
                csvHref={file("bars", "csv")}
              />
            )}
            <div className="no-print mt-2 flex flex-wrap gap-2">
              <DownloadLinks
                items={[{ href: file("bars", "xlsx"), label: `Данные за ${d.year} год (XLSX)` }]}
              />
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
