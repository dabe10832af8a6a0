import { periodLabel, type Period } from "@/lib/reports/domain";

/** Every quarter from 2021 to `now` (the region's current quarter), newest first, as [value "2026-4", label]. */
export function periodOptions(now: Period): [string, string][] {
  const out: [string, string][] = [];
  for (let y = now.year; y >= 2021; y--)
    for (let q = y === now.year ? now.quarter : 4; q >= 1; q--)
      out.push([`${y}-${q}`, periodLabel({ year: y, quarter: q })]);
  return out;
}

/** A GET form choosing the period (works without JavaScript). */
export function PeriodSelect({
  value,
  current,
  hidden = {},
}: {
  value: string;
  current: Period;
  hidden?: Record<string, string>;
}) {
  return (
    <form method="get" className="no-print flex items-end gap-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="text-sm font-medium text-slate-800">
        Отчётный период
        <select
          name="period"
          defaultValue={value}
          className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {periodOptions(current).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
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
