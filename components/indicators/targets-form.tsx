"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { saveTargetsAction } from "@/lib/indicators/actions";

export interface TargetRow {
  code: string;
  number: string;
  label: string;
  unit: "%" | "ед.";
  /** The saved plan per year, as text («» — none). */
  values: Record<number, string>;
  /** For a municipality: the region's plan, shown as a hint. */
  regionValues?: Record<number, string>;
}

type Result = ActionResult<{ changed: number; version: string }> | null;

/**
 * The grid indicators × years; an empty cell means «no plan». Saved at once by the admin's server action; also
 * its form action, so that a form posted without JavaScript is saved too and the page comes back with the result.
 * The grid carries the version of the plan it shows: its own saves move it on; a save by someone else since makes
 * the next save a conflict (the values shown are no longer the saved ones), until the page is reloaded.
 */
export function TargetsForm(props: {
  territory: string;
  version: string;
  years: number[];
  rows: TargetRow[];
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [state, formAction] = useActionState(
    saveTargetsAction as (state: Result, data: FormData) => Promise<Result>,
    null,
  );
  const [result, setResult] = useState<Result>(state);
  // The version of the plan this grid shows: the page's, then each own save's (never a later refresh's: a
  // save by someone else in between must stay a conflict).
  const [saved, setSaved] = useState<string | null>(null);
  const version = result?.ok
    ? result.data.version
    : (saved ?? (state?.ok ? state.data.version : props.version));
  // A form posted before the page's script loaded is replayed by React once it has: its result arrives here.
  const settled = useRef(state);
  useEffect(() => {
    if (!state || state === settled.current) return;
    settled.current = state;
    setResult(state);
    if (state.ok) router.refresh();
  }, [state, router]);
  const errors = (result && !result.ok && result.fieldErrors) || {};
  // What a form posted without JavaScript sent, shown again after a refusal.
  const sent = (result && !result.ok && result.values) || {};
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    start(async () => {
      const r = await saveTargetsAction(data);
      setResult(r);
      if (r.ok) {
        setSaved(r.data.version);
        router.refresh();
      }
    });
  };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="territory" value={props.territory} />
      <input type="hidden" name="version" value={version} />
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Планы показателей по годам</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="border border-slate-300 px-2 py-1.5">
                №
              </th>
              <th scope="col" className="border border-slate-300 px-2 py-1.5 text-left">
                Показатель
              </th>
              {props.years.map((y) => (
                <th key={y} scope="col" className="border border-slate-300 px-2 py-1.5">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.code}>
                <td className="border border-slate-300 px-2 py-1.5 text-center">{r.number}</td>
                <th scope="row" className="border border-slate-300 px-2 py-1.5 text-left font-normal">
                  {r.label}, {r.unit}
                </th>
                {props.years.map((y) => {
                  const name = `v:${r.code}:${y}`;
                  const error = errors[name]?.join(" ");
                  const hint = r.regionValues?.[y];
                  return (
                    <td key={y} className="border border-slate-300 px-2 py-1.5 align-top">
                      <input
                        name={name}
                        defaultValue={typeof sent[name] === "string" ? sent[name] : (r.values[y] ?? "")}
                        inputMode={r.unit === "%" ? "decimal" : "numeric"}
                        aria-label={`${r.number}, ${y} год: план, ${r.unit}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${name}-error` : hint ? `${name}-hint` : undefined}
                        placeholder={hint ?? ""}
                        className={`w-20 rounded border px-2 py-1 text-right tabular-nums ${error ? "border-red-700" : "border-slate-400"}`}
                      />
                      {hint && !error && (
                        <span id={`${name}-hint`} className="block text-xs text-slate-600">
                          регион: {hint}
                        </span>
                      )}
                      {error && (
                        <span id={`${name}-error`} className="block max-w-32 text-xs text-red-700">
                          {error}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="bg-brand-700 hover:bg-brand-800 rounded-md px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Сохранение…" : "Сохранить планы"}
        </button>
        <p role="status" aria-live="polite" className="text-sm">
          {result?.ok && (
            <span className="text-green-800">Сохранено. Изменено значений: {result.data.changed}.</span>
          )}
          {result && !result.ok && <span className="text-red-700">{result.formError}</span>}
        </p>
      </div>
    </form>
  );
}
