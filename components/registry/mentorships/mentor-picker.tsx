"use client";
import { useId, useMemo, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { plural } from "@/lib/format";
import type { MentorProfileForSuggest, Suggestion } from "@/lib/registry/mentorships/suggest";

export interface MentorOption {
  id: number;
  /** «Иванова Анна Петровна, учитель» */
  label: string;
  /** The mentor's competencies from the questionnaire, searched too. */
  detail: string;
  /** Places taken today (pairs not ended), in every programme of the organisation. */
  load: number;
  /** Mentees at once; null = not set. */
  capacity: number | null;
  /** What the suggestions compare. */
  profile: MentorProfileForSuggest;
}

const SHOWN = 30;

function norm(s: string) {
  return s.toLocaleLowerCase("ru").replaceAll("ё", "е");
}

/** The badge beside a name: free places out of the capacity, or the pairs led when no capacity is set. */
function placesBadge(o: MentorOption): { text: string; tone: string } {
  if (o.capacity == null) {
    return o.load === 0
      ? { text: "свободен", tone: "bg-green-50 text-green-800" }
      : { text: `${o.load} ${plural(o.load, "пара", "пары", "пар")}`, tone: "bg-slate-100 text-slate-700" };
  }
  const free = Math.max(0, o.capacity - o.load);
  return free === 0
    ? { text: `мест нет: ${o.load} из ${o.capacity}`, tone: "bg-amber-50 text-amber-900" }
    : { text: `свободно ${free} из ${o.capacity}`, tone: "bg-green-50 text-green-800" };
}

/**
 * Picks the mentor among up to several hundred: a search by name, category or competencies narrows the
 * list to at most 30 choices, each with the mentor's places; once mentees are chosen, the list is ranked by how
 * well each mentor suits them, with the reasons. The chosen one stays in view.
 */
export function MentorPicker({
  options,
  value,
  registration,
  error,
  ranking,
}: {
  options: MentorOption[];
  value: string;
  registration: UseFormRegisterReturn;
  error?: string;
  /** Suggestions for the chosen mentees, best first; null while no mentee is chosen. */
  ranking: Suggestion[] | null;
}) {
  const uid = useId();
  const [q, setQ] = useState("");
  const byId = useMemo(() => new Map(ranking?.map((s, i) => [s.id, { ...s, rank: i }])), [ranking]);
  const matches = useMemo(() => {
    const words = norm(q).split(/\s+/).filter(Boolean);
    const found = options.filter((o) => words.every((w) => norm(`${o.label} ${o.detail}`).includes(w)));
    if (!ranking) return found;
    return found.sort((a, b) => (byId.get(a.id)?.rank ?? 0) - (byId.get(b.id)?.rank ?? 0));
  }, [options, q, ranking, byId]);
  const chosen = options.find((o) => String(o.id) === String(value));
  const shown = matches.slice(0, SHOWN);
  if (chosen && !shown.some((o) => o.id === chosen.id)) shown.unshift(chosen);

  return (
    <fieldset aria-describedby={error ? `${uid}-error` : `${uid}-hint`} className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Наставник</legend>
      <p id={`${uid}-hint`} className="text-xs text-slate-600">
        В списке — участники с анкетой наставника, подходящие к форме программы: {options.length}.{" "}
        {ranking
          ? "Сначала — те, кто лучше подходит выбранным наставляемым: совпадение запроса с компетенциями и интересами, желаемый возраст, свободные места."
          : "Выберите наставляемых — и список выстроится по тому, насколько наставник им подходит."}
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
      <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
        {shown.map((o) => {
          const badge = placesBadge(o);
          const s = byId.get(o.id);
          // The places are in the badge already.
          const reasons = s?.reasons.filter((r) => !/^(свободно|ведёт)/.test(r)) ?? [];
          const warnings = s?.warnings.filter((w) => !w.startsWith("мест нет")) ?? [];
          return (
            <li key={o.id}>
              <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50">
                <input type="radio" value={String(o.id)} className="mt-1" {...registration} />
                <span className="min-w-0 flex-1">
                  <span className="block text-sm text-slate-900">{o.label}</span>
                  {o.detail && <span className="block truncate text-xs text-slate-600">{o.detail}</span>}
                  {reasons.length > 0 && (
                    <span className="block text-xs text-green-800">{reasons.join(" · ")}</span>
                  )}
                  {warnings.length > 0 && (
                    <span className="block text-xs text-amber-900">{warnings.join(" · ")}</span>
                  )}
                </span>
                <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs tabular-nums ${badge.tone}`}>
                  {badge.text}
                </span>
              </label>
            </li>
          );
        })}
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
