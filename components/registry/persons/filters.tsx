import { CATEGORY_LABELS, FORMAT_LABELS, FORMATS, PERSON_CATEGORIES } from "@/lib/reports/domain";
import type { PersonFilter } from "@/lib/registry/persons/queries";

const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: filtering works without JavaScript and the address can be bookmarked. */
export function PersonFilters({
  f,
  org,
  programmes,
}: {
  f: PersonFilter;
  org: string;
  programmes: { id: number; title: string }[];
}) {
  return (
    <form
      method="get"
      className="no-print mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4 lg:grid-cols-8"
      role="search"
    >
      {org && <input type="hidden" name="org" value={org} />}
      <label className="col-span-2 text-sm font-medium text-slate-800">
        Поиск по ФИО
        <input name="q" defaultValue={f.q} className={select} placeholder="Фамилия, имя или отчество" />
      </label>
      <label className="text-sm font-medium text-slate-800">
        Категория
        <select name="category" defaultValue={f.category ?? ""} className={select}>
          <option value="">все</option>
          {PERSON_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Роль
        <select name="role" defaultValue={f.role ?? ""} className={select}>
          <option value="">все</option>
          <option value="mentor">наставники</option>
          <option value="mentee">наставляемые</option>
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Форма
        <select name="format" defaultValue={f.format ?? ""} className={select}>
          <option value="">все</option>
          {FORMATS.map((x) => (
            <option key={x} value={x}>
              {FORMAT_LABELS[x]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Программа
        <select name="programme" defaultValue={f.programme ?? ""} className={select}>
          <option value="">все</option>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Статус
        <select name="status" defaultValue={f.status} className={select}>
          <option value="current">все в реестре</option>
          <option value="active">в действующей паре</option>
          <option value="inactive">без действующей пары</option>
          <option value="archived">в архиве</option>
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Участвовал в году
        <input
          name="year"
          inputMode="numeric"
          defaultValue={f.year ?? ""}
          className={select}
          placeholder="любом"
        />
      </label>
      <label className="text-sm font-medium text-slate-800">
        Сортировка
        <select name="sort" defaultValue={f.sort} className={select}>
          <option value="name">по ФИО</option>
          <option value="birthYear">по году рождения</option>
          <option value="updated">по дате изменения</option>
        </select>
      </label>
      <div className="col-span-2 flex items-end gap-2 md:col-span-1">
        <button
          type="submit"
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-1.5 text-sm font-medium text-white"
        >
          Показать
        </button>
      </div>
    </form>
  );
}
