import type { Metadata } from "next";
import { IndicatorNav } from "@/components/indicators/page-links";
import { TargetsForm } from "@/components/indicators/targets-form";
import { TerritoryPicker } from "@/components/indicators/territory-picker";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";
import { INDICATORS, displayCode } from "@/lib/indicators/definitions";
import { getterOf, territoryRequest, yearSpan } from "@/lib/indicators/params";
import { ownTargets, targetsVersion } from "@/lib/indicators/targets";
import { pickerChoices, resolveTerritory } from "@/lib/indicators/territory";
import { indicatorYears } from "@/lib/settings";

export const metadata: Metadata = { title: "Планы показателей" };

const text = (v: number | undefined) => (v == null ? undefined : String(v).replace(".", ","));

export default async function TargetsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("administerRegion"));
  const get = getterOf(await searchParams);
  const req = territoryRequest(get);
  const [administered, t, setting] = await Promise.all([
    pageScope(scopeAdminRegion(user)),
    pageScope(resolveTerritory(user, { ...req, organisationId: null, region: !req.municipalityId })),
    indicatorYears(),
  ]);
  const municipality = t.scope.level === "municipality" ? t.scope.municipality : null;
  const { from, to } = yearSpan(get, setting);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  // The plan's stamp before its values: a save in between turns the grid's save into a conflict.
  const version = await targetsVersion(administered, municipality);
  const [choices, own, region] = await Promise.all([
    pickerChoices(user, { ...t, municipalityId: null }),
    ownTargets(administered, municipality, years),
    municipality == null ? Promise.resolve(null) : ownTargets(administered, null, years),
  ]);
  const rows = INDICATORS.map((d) => ({
    code: d.code,
    number: displayCode(d.code),
    label: d.label,
    unit: d.unit,
    values: Object.fromEntries(years.map((y) => [y, text(own.get(`${d.code}:${y}`)) ?? ""])),
    regionValues: region
      ? Object.fromEntries(
          years.flatMap((y) => {
            const v = text(region.get(`${d.code}:${y}`));
            return v ? [[y, v]] : [];
          }),
        )
      : undefined,
  }));
  return (
    <div>
      <IndicatorNav current="/indicators/targets" admin query="" />
      <h1 className="text-2xl font-bold text-slate-900">Планы показателей</h1>
      <p className="mt-1 mb-4 max-w-3xl text-slate-700">
        {t.name}: плановые значения по годам. Проценты — от 0 до 100, показатель 2 — целое число программ.
        Пустая ячейка — плана нет.{" "}
        {t.level === "municipality"
          ? "Где план муниципалитета не задан, действует план региона."
          : "План региона действует для каждого муниципалитета, у которого нет своего."}
      </p>
      <TerritoryPicker action="/indicators/targets" territory={t} choices={choices} from={from} to={to} />
      <TargetsForm
        key={`${t.level}:${t.id}:${from}:${to}`}
        territory={t.level === "region" ? "region" : String(t.id)}
        version={version}
        years={years}
        rows={rows}
      />
    </div>
  );
}
