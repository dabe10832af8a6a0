"use client";
import { useId, useMemo, useState } from "react";
import type { MenteeProfileForSuggest } from "@/lib/registry/mentorships/suggest";

export interface Option {
  id: number;
  /** «Иванов Иван Иванович, 7Б» */
  label: string;
  /** What the mentor suggestions compare (the request, the class, the age). */
  profile?: MenteeProfileForSuggest;
}

const SHOWN = 50;

function norm(s: string) {
  return s.toLocaleLowerCase("ru").replaceAll("ё", "е");
}

/**
 * Picks one or several mentees from up to ~1 500 persons: a search by name or class narrows the list to
 * at most 50 checkboxes, and the chosen ones stay listed apart, whatever is searched next.
 */
export function MenteePicker({
  options,
  value,
  onChange,
  max,
  error,
  name,
}: {
  options: Option[];
  value: number[];
  onChange: (ids: number[]) => void;
  max: number;
  error?: string;
  /** The field the ticked ids are posted under when the form is sent without JavaScript. */
  name?: string;
}) {
  const uid = useId();
  const [q, setQ] = useState("");
  const chosen = new Set(value);
  const matches = useMemo(() => {
    const words = norm(q).split(/\s+/).filter(Boolean);
    return options.filter((o) => words.every((w) => norm(o.label).includes(w)));
  }, [options, q]);
  const shown = matches.slice(0, SHOWN);
  const byId = new Map(options.map((o) => [o.id, o]));
  const toggle = (id: number) => onChange(chosen.has(id) ? value.filter((v) => v !== id) : [...value, id]);
  const addShown = () =>
    onChange([...value, ...shown.map((o) => o.id).filter((id) => !chosen.has(id))].slice(0, max));

  return (
    <fieldset aria-describedby={error ? `${uid}-error` : `${uid}-hint`} className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Наставляемые</legend>
      <p id={`${uid}-hint`} className="text-xs text-slate-600">
        В списке — участники организации с анкетой наставляемого, подходящие к форме программы:{" "}
        {options.length}. Группу можно назначить сразу, отметив нескольких (не больше {max}).
      </p>
      <label className="block text-sm text-slate-800">
        Найти по ФИО или классу
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Например, Иванова или 7Б"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200 p-2">
        {shown.length === 0 ? (
          <p className="text-sm text-slate-600">Никого не нашлось.</p>
        ) : (
          <ul className="space-y-1">
            {shown.map((o) => (
              <li key={o.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name={name}
                    value={o.id}
                    checked={chosen.has(o.id)}
                    onChange={() => toggle(o.id)}
                    className="h-4 w-4 rounded border-slate-400"
                  />
                  {o.label}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span role="status" className="text-slate-600">
          {matches.length > SHOWN
            ? `Показаны первые ${SHOWN} из ${matches.length}: уточните поиск.`
            : `Найдено: ${matches.length}.`}
        </span>
        {shown.length > 1 && (
          <button
            type="button"
            onClick={addShown}
            className="text-brand-700 underline-offset-2 hover:underline"
          >
            Отметить всех найденных
          </button>
        )}
      </div>
      {value.length > 0 && (
        <div>
          <p className="text-sm font-medium text-slate-800">Выбрано: {value.length}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {value.map((id) => (
              <li
                key={id}
                className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm"
              >
                {byId.get(id)?.label ?? `№ ${id}`}
                <button
                  type="button"
                  onClick={() => toggle(id)}
                  className="ml-1 text-slate-500 hover:text-red-700"
                  aria-label={`Убрать: ${byId.get(id)?.label ?? id}`}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p id={`${uid}-error`} role="alert" className="text-sm whitespace-pre-line text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
