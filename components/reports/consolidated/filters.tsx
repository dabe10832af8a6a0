import { periodOptions } from "@/components/reports/period-select";
import type { ConsolidatedParams } from "@/lib/reports/consolidated/params";
import type { Period } from "@/lib/reports/domain";
import { CONSOLIDATED_KEYS, FORM_PARAMS, SHORT_TITLES } from "@/lib/reports/consolidated/types";

const select = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const label = "text-sm font-medium text-slate-800";

/** A GET form: period, form, municipality (region-wide roles) and the switch for submitted reports. */
export function ConsolidatedFilters({
  params,
  choices,
  current,
}: {
  params: ConsolidatedParams;
  choices: { id: number; name: string }[];
  current: Period;
}) {
  return (
    <form method="get" className="no-print mb-4 flex flex-wrap items-end gap-3">
      <label className={label}>
        Отчётный период
        <select
          name="period"
          defaultValue={`${params.period.year}-${params.period.quarter}`}
          className={select}
        >
          {periodOptions(current).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Форма
        <select
          name="form"
          defaultValue={params.form === "all" ? "all" : FORM_PARAMS[params.form]}
          className={select}
        >
          {CONSOLIDATED_KEYS.map((k) => (
            <option key={k} value={FORM_PARAMS[k]}>
              {SHORT_TITLES[k]}
            </option>
          ))}
          <option value="all">Все формы</option>
        </select>
      </label>
      {choices.length > 0 && (
        <label className={label}>
          Муниципалитет
          <select name="municipality" defaultValue={params.municipalityId ?? ""} className={select}>
            <option value="">Весь регион</option>
            {choices.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex items-center gap-2 py-1.5 text-sm text-slate-800">
        <input
          type="checkbox"
          name="submitted"
          value="1"
          defaultChecked={params.includeSubmitted}
          className="h-4 w-4"
        />
        включить отчёты на проверке
      </label>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
      >
        Показать
      </button>
    </form>
  );
}
