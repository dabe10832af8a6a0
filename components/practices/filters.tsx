import { BEST_PRACTICE_LEVEL_LABELS, BEST_PRACTICE_LEVELS } from "@/lib/practices/labels";
import type { PracticeFilters } from "@/lib/practices/schemas";
import { FORMAT_LABELS, FORMATS, ROLE_MODELS } from "@/lib/vocabulary";

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: the bank is filtered without JavaScript and the address can be bookmarked. */
export function PracticeFiltersForm({ f, years }: { f: PracticeFilters; years: number[] }) {
  const models = [...new Set(Object.values(ROLE_MODELS).flat())].sort((a, b) => a.localeCompare(b, "ru"));
  return (
    <form
      method="get"
      role="search"
      aria-label="Поиск в банке лучших практик"
      className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3 lg:grid-cols-6"
    >
      <label className="col-span-2 text-sm font-medium text-slate-800">
        Поиск
        <input
          type="search"
          name="q"
          defaultValue={f.q}
          className={input}
          placeholder="Название, цель, результаты, организация"
        />
      </label>
      <label className="text-sm font-medium text-slate-800">
        Форма наставничества
        <select name="format" defaultValue={f.format} className={input}>
          <option value="">все</option>
          {FORMATS.map((x) => (
            <option key={x} value={x}>
              {FORMAT_LABELS[x]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Ролевая модель
        <input name="roleModel" list="practice-role-models" defaultValue={f.roleModel} className={input} />
        <datalist id="practice-role-models">
          {models.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Уровень признания
        <select name="level" defaultValue={f.level} className={input}>
          <option value="">любой</option>
          {BEST_PRACTICE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {BEST_PRACTICE_LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Год признания
        <select name="year" defaultValue={f.year ?? ""} className={input}>
          <option value="">любой</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <div className="col-span-2 flex items-end gap-3 md:col-span-3 lg:col-span-6">
        <button
          type="submit"
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-1.5 text-sm font-medium text-white"
        >
          Найти
        </button>
        <a href="/practices" className="text-brand-700 text-sm hover:underline">
          Сбросить
        </a>
      </div>
    </form>
  );
}
