"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NeedsScript } from "@/components/ui/needs-script";
import { useHydrated } from "@/components/ui/use-hydrated";
import "@/lib/zod-fallback";
import { get, useForm, useWatch, type Path } from "react-hook-form";
import { Field, FormError, FormSuccess } from "@/components/forms/field";
import { withDefault } from "@/components/forms/with-default";
import { saveReportAction, submitReportAction } from "@/lib/reports/actions";
import { saveReportSchema, type SaveReportInput } from "@/lib/reports/schemas";
import type { ReportForms, ReportSummary } from "@/lib/reports/types";
import {
  AGE_NOTE,
  DOCUMENTS_GROUP,
  FORM1_HEADINGS,
  FORM_HEADINGS,
  MUNICIPALITY,
  ORGANISATIONS,
} from "@/lib/reports/headings";
import type { Issue } from "@/lib/reports/validation";
import { ManualForms } from "./manual-forms";
import { FormsView, SummaryView } from "./report-tables";

interface Props {
  initial: SaveReportInput;
  computed: { forms: ReportForms; summary: ReportSummary };
  previous: { forms: ReportForms; summary: ReportSummary } | null;
  /** The checks of the report as computed: shown at their fields in forms 2–5 and the summary. */
  checks: { errors: Issue[]; warnings: Issue[] };
  canSubmit: boolean;
  /** Form 1's municipality and organisation, and its four documents from the document register (read-only). */
  form1Names: { municipality: string; organisation: string };
  form1Documents: React.ReactNode;
}

export function ReportEditor(props: Props) {
  const { initial, computed, previous, checks, canSubmit, form1Names, form1Documents } = props;
  const warnings = checks.warnings.length;
  const router = useRouter();
  const form = useForm<SaveReportInput>({
    resolver: zodResolver(saveReportSchema) as never,
    defaultValues: initial,
    mode: "onTouched",
  });
  const [version, setVersion] = useState(Number(initial.version));
  const [acknowledged, setAcknowledged] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  // Until the script has taken over, the fields and buttons are disabled: what was typed or ticked before
  // would be reset by the form, and a click would do nothing.
  const ready = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mode = useWatch({ control: form.control, name: "mode" });
  const e = form.formState.errors.form1;
  // The form's defaults (not `initial`): after a save's `form.reset(values)` they are what was saved. A bare
  // `form.reset()` would put the inputs back to these attributes.
  const r = (name: Path<SaveReportInput>) =>
    withDefault(form.register(name), get(form.formState.defaultValues, name));

  function fillRows(source: { forms: ReportForms; summary: ReportSummary }) {
    form.setValue("forms", structuredClone(source.forms), { shouldDirty: true });
    form.setValue("summary", { ...source.summary }, { shouldDirty: true });
  }

  function switchMode(next: "register" | "manual") {
    if (next === "manual" && !form.getValues("forms")) fillRows(computed);
    form.setValue("mode", next, { shouldDirty: true });
  }

  function showErrors(result: { formError?: string; fieldErrors?: Record<string, string[]> }) {
    setError(result.formError ?? "Не удалось выполнить действие.");
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
      form.setError(field as Path<SaveReportInput>, { type: "server", message: messages.join(" ") });
  }

  /** Saves the draft; returns the new version, or null when the save was refused. */
  async function save(values: SaveReportInput): Promise<number | null> {
    const result = await saveReportAction({ ...values, version });
    if (!result.ok) {
      showErrors(result);
      return null;
    }
    setVersion(result.data.version);
    form.reset({ ...values, version: result.data.version });
    return result.data.version;
  }

  const onSave = form.handleSubmit((values) => {
    setError(null);
    setDone(null);
    start(async () => {
      if ((await save(values)) != null) {
        setDone(values.mode === "register" ? "Сохранено. Формы 2–5 пересчитаны по реестрам." : "Сохранено.");
        router.refresh();
      }
    });
  });

  const onSubmit = form.handleSubmit((values) => {
    setError(null);
    setDone(null);
    start(async () => {
      const current = form.formState.isDirty ? await save(values) : version;
      if (current == null) return;
      const result = await submitReportAction({
        reportId: values.reportId,
        version: current,
        acknowledgeWarnings: acknowledged,
      });
      if (!result.ok) {
        showErrors(result);
        router.refresh();
        return;
      }
      setDone("Отчёт отправлен на проверку координатору.");
      router.refresh();
    });
  });

  return (
    // POST, never GET: a click before the script has loaded must not put the report's fields into the address.
    <form method="post" onSubmit={onSave} noValidate className="min-w-0 space-y-8">
      <NeedsScript>Для заполнения и сохранения отчёта включите JavaScript в браузере.</NeedsScript>
      <fieldset disabled={!ready} className="grid min-w-0 gap-4 md:grid-cols-2">
        <legend className="mb-2">
          {/* A heading in the legend: the forms' own headings (h3) come under it. */}
          <h2 className="text-lg font-semibold">Форма 1. {FORM_HEADINGS.form1}</h2>
        </legend>
        <dl className="grid gap-x-4 gap-y-1 text-sm md:col-span-2 md:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{MUNICIPALITY.header}</dt>
          <dd className="font-medium">{form1Names.municipality}</dd>
          <dt className="text-slate-600">{ORGANISATIONS.header}</dt>
          <dd className="font-medium">{form1Names.organisation}</dd>
        </dl>
        <p className="text-sm font-medium text-slate-800 md:col-span-2">{FORM1_HEADINGS.contacts}</p>
        <Field label="ФИО директора" registration={r("form1.directorName")} error={e?.directorName} />
        <Field label="Телефон" registration={r("form1.phone")} error={e?.phone} />
        <Field label="Электронная почта" registration={r("form1.email")} error={e?.email} />
        <Field label="Почтовый адрес" registration={r("form1.address")} error={e?.address} />
        <Field
          label={FORM1_HEADINGS.learners10to18}
          inputMode="numeric"
          registration={r("form1.learners10to18")}
          error={e?.learners10to18}
        />
        <Field
          label={FORM1_HEADINGS.teachingStaff}
          inputMode="numeric"
          registration={r("form1.teachingStaff")}
          error={e?.teachingStaff}
        />
        <Field
          label={FORM1_HEADINGS.youngTeachers}
          inputMode="numeric"
          registration={r("form1.youngTeachers")}
          error={e?.youngTeachers}
        />
        <Field
          label={`${FORM1_HEADINGS.curator} (ФИО)`}
          registration={r("form1.curatorName")}
          error={e?.curatorName}
        />
        <div className="md:col-span-2">
          <p className="text-sm font-medium text-slate-800">{DOCUMENTS_GROUP}</p>
          <p className="mb-1 text-xs text-slate-500">
            Из реестра документов организации; изменить их можно в разделе «Документы».
          </p>
          {form1Documents}
        </div>
        <p className="text-xs text-slate-600 md:col-span-2">{AGE_NOTE}</p>
      </fieldset>

      <fieldset disabled={!ready} className="min-w-0">
        <legend className="mb-2">
          {/* A heading in the legend: the forms' own headings (h3) come under it. */}
          <h2 className="text-lg font-semibold">Формы 2–5 и прочие формы</h2>
        </legend>
        <div role="radiogroup" aria-label="Способ заполнения" className="mb-4 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" checked={mode === "register"} onChange={() => switchMode("register")} /> Из
            реестров (рекомендуется)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" checked={mode === "manual"} onChange={() => switchMode("manual")} /> Вручную:
            реестр ведётся в другой системе
          </label>
        </div>
        {mode === "register" ? (
          // Drawn here from `computed`, which the page sends anyway: a server-rendered copy of these tables
          // went to the browser a second time, in the page's data.
          <div className="space-y-8">
            <p className="text-sm text-slate-600">
              Рассчитано по реестрам на сегодня; каждый человек в итогах учтён один раз.
            </p>
            <FormsView
              forms={computed.forms}
              municipality={form1Names.municipality}
              organisation={form1Names.organisation}
              errors={checks.errors}
              warnings={checks.warnings}
            />
            <div>
              <h3 className="mb-2 font-semibold">Сводные показатели</h3>
              <SummaryView summary={computed.summary} errors={checks.errors} warnings={checks.warnings} />
            </div>
          </div>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">
              Строки и итоги вводятся вручную; отчёт будет помечен как заполненный вручную. Те же проверки
              действуют и здесь.
              {previous && (
                <button
                  type="button"
                  className="text-brand-700 ml-2 underline"
                  onClick={() => fillRows(previous)}
                >
                  Заполнить строками прошлого квартала
                </button>
              )}
            </p>
            <ManualForms form={form} />
          </>
        )}
      </fieldset>

      <div className="sticky bottom-0 space-y-3 border-t border-slate-200 bg-white/95 py-4">
        <FormError message={error} />
        <FormSuccess message={done} />
        {canSubmit && warnings > 0 && (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 h-4 w-4"
              checked={acknowledged}
              disabled={!ready}
              onChange={(ev) => setAcknowledged(ev.target.checked)}
            />
            Я проверил(а) предупреждения ({warnings}): данные верны
          </label>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            disabled={pending || !ready}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
          >
            {pending ? "Подождите…" : mode === "register" ? "Сохранить и пересчитать" : "Сохранить"}
          </button>
          {canSubmit && (
            <button
              type="button"
              onClick={() => setConfirming(true)}
              disabled={pending || !ready}
              className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 font-medium text-white disabled:opacity-60"
            >
              Отправить на проверку
            </button>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Отправить отчёт на проверку?"
        confirmLabel="Отправить"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void onSubmit();
        }}
      >
        <p>
          {form.formState.isDirty ? "Изменения сохранятся, и отчёт" : "Отчёт"} уйдёт координатору
          муниципалитета. Пока он на проверке, изменить его нельзя.
        </p>
        <p>Если координатор вернёт отчёт, его комментарий появится на главной странице и в отчёте.</p>
      </ConfirmDialog>
    </form>
  );
}
