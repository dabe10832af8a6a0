import Link from "next/link";
import { queryOf, territoryParams } from "@/lib/indicators/params";
import type { PickerChoices, Territory } from "@/lib/indicators/territory";
import { indicatorYears, programmeYears } from "@/lib/settings";

const control =
  "mt-1 block rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-3";

/**
 * A plain GET form (works without JavaScript): the territory within the viewer's scope and the span of years.
 * `keep` carries other parameters of the page (the year of the bars). Two presets of years are one click
 * away: from the programme's start to this year (the default) and the programme's own period. The federal
 * level chooses a region first («Вся страна» by default), then its municipalities appear.
 */
export async function TerritoryPicker(props: {
  action: string;
  territory: Territory;
  choices: PickerChoices;
  from: number;
  to: number;
  keep?: Record<string, string | number>;
  years?: boolean;
}) {
  const { territory: t, choices } = props;
  const [current, programme] = await Promise.all([indicatorYears(), programmeYears()]);
  const presets = [
    { ...current, label: `${current.from}–${current.to}`, hint: "по текущий год" },
    { ...programme, label: `${programme.from}–${programme.to}`, hint: "период программы" },
  ].filter((p, i, all) => all.findIndex((q) => q.from === p.from && q.to === p.to) === i);
  // The year of the bars starts afresh in a preset: kept, it would widen the span again.
  const rest = Object.fromEntries(Object.entries(props.keep ?? {}).filter(([k]) => k !== "year"));
  return (
    <form
      method="get"
      action={props.action}
      className="no-print mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      {choices.regions.length > 0 && (
        <label className="text-sm font-medium text-slate-800">
          Регион
          <select
            name="region"
            defaultValue={t.level === "country" ? "" : t.regionId}
            className={`${control} max-w-xs`}
          >
            <option value="">Вся страна</option>
            {choices.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {choices.region && t.level !== "country" && (
        <label className="text-sm font-medium text-slate-800">
          Муниципалитет
          <select name="municipality" defaultValue={t.municipalityId ?? ""} className={control}>
            <option value="">Весь регион</option>
            {choices.municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {choices.organisations.length > 0 && (
        <label className="text-sm font-medium text-slate-800">
          Организация
          <select name="organisation" defaultValue={t.organisationId ?? ""} className={`${control} max-w-xs`}>
            <option value="">Все организации муниципалитета</option>
            {choices.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {props.years !== false && (
        <fieldset className="flex items-end gap-2">
          <legend className="text-sm font-medium text-slate-800">Годы</legend>
          <label className="text-sm text-slate-700">
            с
            <input
              name="from"
              type="number"
              min={2000}
              max={2100}
              defaultValue={props.from}
              className={`${control} w-24`}
            />
          </label>
          <label className="text-sm text-slate-700">
            по
            <input
              name="to"
              type="number"
              min={2000}
              max={2100}
              defaultValue={props.to}
              className={`${control} w-24`}
            />
          </label>
        </fieldset>
      )}
      {props.years !== false && (
        <p className="flex flex-wrap items-center gap-2 self-center text-sm text-slate-700">
          {presets.map((p) => {
            const active = p.from === props.from && p.to === props.to;
            return (
              <Link
                key={p.label}
                href={`${props.action}${queryOf(territoryParams(t), { ...rest, from: p.from, to: p.to })}`}
                aria-current={active ? "true" : undefined}
                className={`rounded-md border px-2 py-1 tabular-nums ${
                  active
                    ? "border-brand-700 bg-brand-50 font-semibold text-slate-900"
                    : "text-brand-700 border-slate-300 underline hover:bg-slate-50"
                }`}
              >
                {p.label} <span className="font-normal text-slate-600">({p.hint})</span>
              </Link>
            );
          })}
        </p>
      )}
      {Object.entries(props.keep ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        className="bg-brand-700 hover:bg-brand-800 rounded-md px-4 py-2 text-sm font-semibold text-white"
      >
        Показать
      </button>
    </form>
  );
}
