"use client";
import type { AuditFilters } from "@/lib/admin/audit/filters";
import { ACTION_LABELS, ENTITY_LABELS } from "@/lib/admin/audit/labels";

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string | number;
  options: [string, string][];
}) {
  return (
    <label className="text-sm font-medium text-slate-800">
      {label}
      <select name={name} defaultValue={value?.toString() ?? ""} className={input}>
        <option value="">все</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A plain GET form: the filtered address can be bookmarked, and the CSV link repeats it. */
export function AuditFiltersForm({
  f,
  users,
  organisations,
}: {
  f: AuditFilters;
  users: [string, string][];
  organisations: [string, string][];
}) {
  return (
    <form
      method="get"
      role="search"
      className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4 xl:grid-cols-7"
    >
      <Select name="user" label="Пользователь" value={f.userId} options={users} />
      <Select name="org" label="Организация" value={f.organisationId} options={organisations} />
      <Select name="entity" label="Тип записи" value={f.entity} options={Object.entries(ENTITY_LABELS)} />
      <Select name="action" label="Действие" value={f.action} options={Object.entries(ACTION_LABELS)} />
      <label className="text-sm font-medium text-slate-800">
        С даты
        <input type="date" name="from" defaultValue={f.from} className={input} />
      </label>
      <label className="text-sm font-medium text-slate-800">
        По дату
        <input type="date" name="to" defaultValue={f.to} className={input} />
      </label>
      <div className="flex items-end">
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100"
        >
          Показать
        </button>
      </div>
    </form>
  );
}
