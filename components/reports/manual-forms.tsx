"use client";
import { get, useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { withDefault } from "@/components/forms/with-default";
import { FORM_KEYS } from "@/lib/reports/counting";
import { DISTINCT_LABEL, formColumns, TOTAL_LABEL, type FormColumn } from "@/lib/reports/headings";
import type { SaveReportInput } from "@/lib/reports/schemas";
import type { ReportFormKey, ReportRow } from "@/lib/reports/types";
import { FORM_TITLES, SUMMARY_LABELS } from "@/lib/reports/validation";
import { FormHead } from "./form-head";
import { FormHeading } from "./report-tables";

type Form = UseFormReturn<SaveReportInput>;
const input =
  "w-full rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50";
const num = `${input} text-right tabular-nums`;

function errorAt(form: Form, path: string): string | undefined {
  const parts = path.split(".");
  let node: unknown = form.formState.errors;
  for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
  return (node as { message?: string } | undefined)?.message;
}

function Cell({
  form,
  path,
  label,
  numeric,
  wide,
}: {
  form: Form;
  path: string;
  label: string;
  numeric?: boolean;
  wide?: boolean;
}) {
  const error = errorAt(form, path);
  return (
    <td className={`px-1 py-1 align-top ${wide ? "min-w-48" : "w-24"}`}>
      <input
        aria-label={label}
        aria-invalid={error ? true : undefined}
        title={error}
        inputMode={numeric ? "numeric" : undefined}
        className={numeric ? num : input}
        {...withDefault(form.register(path as never), get(form.formState.defaultValues, path))}
      />
      {error && <span className="mt-0.5 block text-xs text-red-700">{error}</span>}
    </td>
  );
}

/** «Итого, чел»: the rows summed as they are typed. */
function RowSums({ form, k, columns }: { form: Form; k: ReportFormKey; columns: FormColumn[] }) {
  const rows = (useWatch({ control: form.control, name: `forms.${k}.rows` as never }) ?? []) as ReportRow[];
  const sum = (f: keyof ReportRow) => rows.reduce((s, r) => s + (Number(r?.[f]) || 0), 0);
  return (
    <tr className="font-semibold">
      <th scope="row" className="px-1 py-1 text-left">
        {TOTAL_LABEL}
      </th>
      {columns.slice(1).map((c) => (
        <td key={c.id} className="px-3 py-1 text-right tabular-nums">
          {c.numeric ? sum(c.id as keyof ReportRow) : null}
        </td>
      ))}
      <td />
    </tr>
  );
}

function ManualForm({ form, k }: { form: Form; k: ReportFormKey }) {
  const rows = useFieldArray({ control: form.control, name: `forms.${k}.rows` as never });
  const extra = k === "form3";
  // The seed's columns without the municipality and organisation, which the report names once.
  const columns = formColumns(k).slice(2);
  const label = (id: string, i: number) =>
    `${FORM_TITLES[k]}, строка ${i + 1}: ${columns.find((c) => c.id === id)?.name ?? id}`;
  return (
    <section aria-labelledby={`m-${k}`} className="mb-6">
      <FormHeading formKey={k} id={`m-${k}`} />
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <FormHead
            columns={columns}
            trailing={
              <th rowSpan={2} className="px-1">
                <span className="sr-only">Удалить</span>
              </th>
            }
          />
          <tbody>
            {rows.fields.map((field, i) => {
              const at = `forms.${k}.rows.${i}`;
              return (
                <tr key={field.id}>
                  {columns.map((c) => (
                    <Cell
                      key={c.id}
                      form={form}
                      path={`${at}.${c.id}`}
                      label={label(c.id, i)}
                      numeric={c.numeric}
                      wide={!c.numeric}
                    />
                  ))}
                  <td className="px-1 py-1 align-top">
                    <button
                      type="button"
                      onClick={() => rows.remove(i)}
                      className="rounded px-2 py-1 text-red-700 hover:bg-red-50"
                      aria-label={`Удалить строку ${i + 1}`}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
            <RowSums form={form} k={k} columns={columns} />
            <tr className="font-semibold">
              <th scope="row" className="px-1 py-1 text-left font-normal">
                {DISTINCT_LABEL}
              </th>
              {columns
                .slice(1)
                .map((c) =>
                  c.id === "mentors" || c.id === "mentees" ? (
                    <Cell
                      key={c.id}
                      form={form}
                      path={`forms.${k}.distinct${c.id === "mentors" ? "Mentors" : "Mentees"}`}
                      label={`${FORM_TITLES[k]}: разных ${c.id === "mentors" ? "наставников" : "наставляемых"}`}
                      numeric
                    />
                  ) : (
                    <td key={c.id} />
                  ),
                )}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <button
        type="button"
        onClick={() =>
          rows.append({
            programmeId: null,
            title: "",
            mentors: 1,
            mentees: 1,
            result: "",
            ...(extra ? { youngTeachers: 0, withRoute: 0 } : {}),
          } as never)
        }
        className="mt-2 rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
      >
        + Добавить строку
      </button>
    </section>
  );
}

/** Forms 2–5, the appendix and the summary typed by hand (for organisations that keep their register elsewhere). */
export function ManualForms({ form }: { form: Form }) {
  return (
    <div>
      {FORM_KEYS.map((k) => (
        <ManualForm key={k} form={form} k={k} />
      ))}
      <h3 className="mb-2 font-semibold">Сводные показатели (без повторов)</h3>
      <table className="text-sm">
        <tbody>
          {Object.entries(SUMMARY_LABELS).map(([key, label]) => (
            <tr key={key}>
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {label}
              </th>
              <Cell form={form} path={`summary.${key}`} label={label} numeric />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
