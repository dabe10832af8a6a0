"use client";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { FORM_KEYS } from "@/lib/reports/counting";
import type { SaveReportInput } from "@/lib/reports/schemas";
import type { ReportFormKey } from "@/lib/reports/types";
import { FORM_TITLES, SUMMARY_LABELS } from "@/lib/reports/validation";
import { FORM_SUBTITLES } from "./report-tables";

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
        {...form.register(path as never)}
      />
      {error && <span className="mt-0.5 block text-xs text-red-700">{error}</span>}
    </td>
  );
}

function ManualForm({ form, k }: { form: Form; k: ReportFormKey }) {
  const rows = useFieldArray({ control: form.control, name: `forms.${k}.rows` as never });
  const extra = k === "form3";
  const details = k === "form4" || k === "form5";
  return (
    <section aria-labelledby={`m-${k}`} className="mb-6">
      <h3 id={`m-${k}`} className="mb-2 font-semibold">
        {FORM_TITLES[k]} <span className="font-normal text-slate-600">— {FORM_SUBTITLES[k]}</span>
      </h3>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-slate-700">
            <tr>
              <th className="px-1">Программа</th>
              <th className="px-1 text-right">Наставников</th>
              <th className="px-1 text-right">Наставляемых</th>
              {extra && <th className="px-1 text-right">Молодых спец.</th>}
              {extra && <th className="px-1 text-right">С ИОМ</th>}
              {details && <th className="px-1">Сведения о наставниках</th>}
              <th className="px-1">Результат</th>
              <th className="px-1">
                <span className="sr-only">Удалить</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((field, i) => {
              const at = `forms.${k}.rows.${i}`;
              return (
                <tr key={field.id}>
                  <Cell
                    form={form}
                    path={`${at}.title`}
                    label={`${FORM_TITLES[k]}, строка ${i + 1}: программа`}
                    wide
                  />
                  <Cell form={form} path={`${at}.mentors`} label={`строка ${i + 1}: наставников`} numeric />
                  <Cell form={form} path={`${at}.mentees`} label={`строка ${i + 1}: наставляемых`} numeric />
                  {extra && (
                    <Cell
                      form={form}
                      path={`${at}.youngTeachers`}
                      label={`строка ${i + 1}: молодых специалистов`}
                      numeric
                    />
                  )}
                  {extra && (
                    <Cell form={form} path={`${at}.withRoute`} label={`строка ${i + 1}: с ИОМ`} numeric />
                  )}
                  {details && (
                    <Cell
                      form={form}
                      path={`${at}.mentorDetails`}
                      label={`строка ${i + 1}: сведения о наставниках`}
                      wide
                    />
                  )}
                  <Cell form={form} path={`${at}.result`} label={`строка ${i + 1}: результат`} wide />
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
            <tr className="font-semibold">
              <td className="px-1 py-1">Итого, чел. (без повторов)</td>
              <Cell
                form={form}
                path={`forms.${k}.distinctMentors`}
                label={`${FORM_TITLES[k]}: наставников без повторов`}
                numeric
              />
              <Cell
                form={form}
                path={`forms.${k}.distinctMentees`}
                label={`${FORM_TITLES[k]}: наставляемых без повторов`}
                numeric
              />
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
