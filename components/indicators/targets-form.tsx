"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
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

/**
 * The grid indicators × years; an empty cell means «no plan». Saved at once by the admin's server action. The
 * grid carries the version of the plan it shows: its own saves move it on; a save by someone else since makes
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
  const [version, setVersion] = useState(props.version);
  const [result, setResult] = useState<ActionResult<{ changed: number; version: string }> | null>(null);
  const errors = (result && !result.ok && result.fieldErrors) || {};
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    start(async () => {
      const r = await saveTargetsAction(data);
      setResult(r);
      if (r.ok) {
        setVersion(r.data.version);
        router.refresh();
      }
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
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
                        defaultValue={r.values[y] ?? ""}
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
