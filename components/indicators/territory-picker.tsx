import type { PickerChoices, Territory } from "@/lib/indicators/territory";

const control =
  "mt-1 block rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-3";

/**
 * A plain GET form (works without JavaScript): the territory within the viewer's scope and the span of years.
 * `keep` carries other parameters of the page (the year of the bars).
 */
export function TerritoryPicker(props: {
  action: string;
  territory: Territory;
  choices: PickerChoices;
  from: number;
  to: number;
  keep?: Record<string, string | number>;
  years?: boolean;
}) {
  const { territory: t, choices } = props;
  return (
    <form
      method="get"
      action={props.action}
      className="no-print mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      {choices.region && (
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
