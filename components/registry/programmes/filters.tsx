import Link from "next/link";
import { STAGE_LABELS } from "@/lib/registry/formats";
import type { ProgrammeFilters as Filters } from "@/lib/registry/programmes/filters";
import { PROGRAMME_STATUS_LABELS } from "@/lib/registry/programmes/schemas";
import { FORMAT_LABELS, FORMATS } from "@/lib/reports/domain";

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: the server filters, the address can be bookmarked, and it works without JavaScript. */
export function ProgrammeFilters({ f, org, resetHref }: { f: Filters; org: string; resetHref: string }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Поиск программ"
      className="no-print mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5"
    >
      {org && <input type="hidden" name="org" value={org} />}
      <label className="col-span-2 text-sm font-medium text-slate-800 md:col-span-1">
        Название
        <input name="q" defaultValue={f.q} className={control} placeholder="Часть названия" />
      </label>
      <label className="text-sm font-medium text-slate-800">
        Форма
        <select name="format" defaultValue={f.format ?? ""} className={control}>
          <option value="">все</option>
          {FORMATS.map((x) => (
            <option key={x} value={x}>
              {FORMAT_LABELS[x]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Этап
        <select name="stage" defaultValue={f.stage ?? ""} className={control}>
          <option value="">все</option>
          {Object.entries(STAGE_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Состояние
        <select name="status" defaultValue={f.status ?? ""} className={control}>
          <option value="">все, кроме архива</option>
          {Object.entries(PROGRAMME_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-3">
        <button
          type="submit"
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-1.5 text-sm font-medium text-white"
        >
          Показать
        </button>
        <Link href={resetHref} className="text-brand-700 text-sm hover:underline">
          Сбросить
        </Link>
      </div>
    </form>
  );
}
