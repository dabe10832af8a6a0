"use client";
import { FormError, FormSuccess, SelectField, SubmitButton, TextAreaField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { markBestPracticeAction, unmarkBestPracticeAction } from "@/lib/practices/actions";
import { BEST_PRACTICE_LEVEL_LABELS, type BestPracticeLevel } from "@/lib/practices/labels";
import { markBestPracticeSchema, MIN_NOTE, unmarkBestPracticeSchema } from "@/lib/practices/schemas";

/** Recognises the programme as a best practice at a level the user may give, or changes the level or the note. */
export function MarkPracticeForm({
  programmeId,
  levels,
  level,
  note,
  marked,
}: {
  programmeId: number;
  levels: BestPracticeLevel[];
  level: BestPracticeLevel | null;
  note: string;
  marked: boolean;
}) {
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    markBestPracticeSchema,
    markBestPracticeAction,
    {
      defaultValues: {
        programmeId,
        level: level && levels.includes(level) ? level : levels[levels.length - 1],
        note,
      },
      successMessage: marked ? "Изменения сохранены." : "Программа добавлена в банк лучших практик.",
    },
  );
  const r = form.register;
  const e = form.formState.errors;
  return (
    <form {...formProps} className="space-y-4">
      {levels.length > 1 ? (
        <SelectField
          label="Уровень признания"
          registration={r("level")}
          error={e.level}
          options={levels.map((l) => [l, BEST_PRACTICE_LEVEL_LABELS[l]])}
        />
      ) : (
        <p className="text-sm text-slate-700">
          Уровень признания: <strong>{BEST_PRACTICE_LEVEL_LABELS[levels[0]].toLowerCase()}</strong>.
          <input type="hidden" {...r("level")} />
        </p>
      )}
      <TextAreaField
        label="Чем ценна практика"
        registration={r("note")}
        error={e.note}
        hint={`Не короче ${MIN_NOTE} символов. Видно в банке лучших практик и в открытых данных региона — без имён участников.`}
      />
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>{marked ? "Сохранить" : "Признать лучшей практикой"}</SubmitButton>
      {hidden}
    </form>
  );
}

/** Withdraws the recognition, with a reason for the journal. */
export function UnmarkPracticeForm({ programmeId }: { programmeId: number }) {
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    unmarkBestPracticeSchema,
    unmarkBestPracticeAction,
    { defaultValues: { programmeId, reason: "" }, successMessage: "Программа исключена из банка." },
  );
  const e = form.formState.errors;
  return (
    <form {...formProps} className="space-y-4">
      <TextAreaField
        label="Причина"
        registration={form.register("reason")}
        error={e.reason}
        hint={`Не короче ${MIN_NOTE} символов; попадёт в журнал действий.`}
      />
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>Исключить из банка</SubmitButton>
      {hidden}
    </form>
  );
}
