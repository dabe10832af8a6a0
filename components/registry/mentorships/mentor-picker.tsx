"use client";
import { useId, useMemo, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { plural } from "@/lib/format";

export interface MentorOption {
  id: number;
  /** «Иванова Анна Петровна, учитель» */
  label: string;
  /** The mentor's competencies from the questionnaire, searched too. */
  detail: string;
  /** Active pairs today, in every programme of the organisation. */
  load: number;
}

const SHOWN = 30;

function norm(s: string) {
  return s.toLocaleLowerCase("ru").replaceAll("ё", "е");
}

/**
 * Picks the mentor among up to several hundred: a search by name, category or competencies narrows the
 * list to at most 30 choices, each with the mentor's current load; the chosen one stays in view.
 */
export function MentorPicker({
  options,
  value,
  registration,
  error,
}: {
  options: MentorOption[];
  value: string;
  registration: UseFormRegisterReturn;
  error?: string;
}) {
  const uid = useId();
  const [q, setQ] = useState("");
  const matches = useMemo(() => {
    const words = norm(q).split(/\s+/).filter(Boolean);
    return options.filter((o) => words.every((w) => norm(`${o.label} ${o.detail}`).includes(w)));
  }, [options, q]);
  const chosen = options.find((o) => String(o.id) === String(value));
  const shown = matches.slice(0, SHOWN);
  if (chosen && !shown.some((o) => o.id === chosen.id)) shown.unshift(chosen);

  return (
    <fieldset aria-describedby={error ? `${uid}-error` : `${uid}-hint`} className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Наставник</legend>
      <p id={`${uid}-hint`} className="text-xs text-slate-600">
        В списке — участники с анкетой наставника, подходящие к форме программы: {options.length}. Рядом с
        именем — сколько пар наставник ведёт сейчас.
      </p>
      <label className="block text-sm text-slate-800">
        Найти по ФИО, категории или компетенциям
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Например, Петрова или математика"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
        {shown.map((o) => (
          <li key={o.id}>
            <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50">
              <input type="radio" value={String(o.id)} className="mt-1" {...registration} />
              <span className="min-w-0 flex-1">
                <span className="block text-sm text-slate-900">{o.label}</span>
                {o.detail && <span className="block truncate text-xs text-slate-600">{o.detail}</span>}
              </span>
              <span
                className={`shrink-0 rounded-full px-2 py-0.5 text-xs tabular-nums ${
                  o.load === 0 ? "bg-green-50 text-green-800" : "bg-slate-100 text-slate-700"
                }`}
              >
                {o.load === 0 ? "свободен" : `${o.load} ${plural(o.load, "пара", "пары", "пар")}`}
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="px-3 py-2 text-sm text-slate-600">Никого не нашлось.</li>}
      </ul>
      {matches.length > SHOWN && (
        <p className="text-xs text-slate-600">
          Показаны первые {SHOWN} из {matches.length}: уточните поиск.
        </p>
      )}
      {error && (
        <p id={`${uid}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
