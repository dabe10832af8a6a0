"use client";
import type { FieldErrors, UseFormReturn } from "react-hook-form";
import { CheckboxField, Field, SelectField, TextAreaField } from "@/components/forms/field";
import { MODES, ROLE_MODELS, STAGE_LABELS } from "@/lib/registry/formats";
import type { CreateProgrammeInput } from "@/lib/registry/programmes/schemas";
import { FORMAT_LABELS, FORMATS, type Format } from "@/lib/reports/domain";

type Values = Omit<CreateProgrammeInput, "organisationId">;
/** The create and the edit form differ only in their hidden fields; both pass themselves as this. */
export type ProgrammeForm = UseFormReturn<Values>;

/** The first message of a field that may hold an array (the modes: «modes.0» from the server). */
function messageOf(error: unknown): { message?: string } | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { message?: string } & Record<string, unknown>;
  if (e.message) return { message: e.message };
  for (const v of Object.values(e)) {
    const inner = messageOf(v);
    if (inner?.message) return inner;
  }
  return undefined;
}

/** The fields of a programme, shared by the create and the edit form. */
export function ProgrammeFields({ form }: { form: ProgrammeForm }) {
  const r = form.register;
  const e = form.formState.errors as FieldErrors<Values>;
  const format = form.watch("format") as Format | "";
  const models = format ? ROLE_MODELS[format] : [];
  const modesError = messageOf(e.modes);
  // Ticked in the HTML too, for a form shown without JavaScript (react-hook-form ticks them once mounted).
  const defaultModes = (form.formState.defaultValues?.modes ?? []) as string[];
  return (
    <>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Программа</legend>
        <Field className="md:col-span-2" label="Название" registration={r("title")} error={e.title} />
        <SelectField
          label="Форма наставничества"
          registration={r("format", {
            // A role model of the old format would not fit the new one.
            onChange: () => form.setValue("roleModel", ""),
          })}
          error={e.format}
          placeholder="Выберите форму"
          options={FORMATS.map((f) => [f, FORMAT_LABELS[f]])}
        />
        {format && models.length === 0 ? (
          <Field
            label="Ролевая модель"
            registration={r("roleModel")}
            error={e.roleModel}
            hint="Для формы «педагог – ученик» опишите модель своими словами."
          />
        ) : (
          <SelectField
            label="Ролевая модель"
            registration={r("roleModel")}
            error={e.roleModel}
            placeholder={format ? "Выберите ролевую модель" : "Сначала выберите форму"}
            options={models.map((m) => [m, m])}
          />
        )}
        <Field label="Дата начала" type="date" registration={r("startDate")} error={e.startDate} />
        <Field
          label="Дата окончания"
          type="date"
          registration={r("endDate")}
          error={e.endDate}
          hint="Можно оставить пустой, пока программа идёт."
        />
        <SelectField
          label="Этап"
          registration={r("stage")}
          error={e.stage}
          options={Object.entries(STAGE_LABELS)}
        />
        <CheckboxField
          className="self-end"
          label="Предложить в банк лучших практик"
          hint="Признаёт практику лучшей муниципальный координатор или региональный центр."
          registration={r("bestPracticeProposed")}
          error={e.bestPracticeProposed}
        />
      </fieldset>
      <fieldset aria-describedby={modesError?.message ? "f-modes-error" : undefined}>
        <legend className="mb-2 text-base font-semibold">Виды наставничества</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {MODES.map((mode, i) => (
            <label key={mode} htmlFor={`f-modes-${i}`} className="flex items-center gap-2 text-sm">
              <input
                id={`f-modes-${i}`}
                type="checkbox"
                value={mode}
                defaultChecked={defaultModes.includes(mode)}
                className="h-4 w-4 rounded border-slate-400"
                {...r("modes")}
              />
              {mode}
            </label>
          ))}
        </div>
        {modesError?.message && (
          <p id="f-modes-error" role="alert" className="mt-1 text-sm text-red-700">
            {modesError.message}
          </p>
        )}
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-base font-semibold">Цель и результаты</legend>
        <TextAreaField label="Цель" registration={r("goal")} error={e.goal} />
        <TextAreaField
          label="Ожидаемые результаты"
          registration={r("expectedResults")}
          error={e.expectedResults}
        />
        <TextAreaField
          label="Достигнутые результаты"
          registration={r("achievedResults")}
          error={e.achievedResults}
        />
      </fieldset>
    </>
  );
}
