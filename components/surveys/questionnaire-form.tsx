"use client";
import {
  CheckboxField,
  Field,
  FormError,
  FormSuccess,
  SelectField,
  SubmitButton,
  TextAreaField,
} from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveQuestionnaireAction } from "@/lib/surveys/actions";
import { QUESTION_TYPES, TYPE_LABEL } from "@/lib/surveys/questions";
import { questionnaireSchema, type QuestionnaireInput } from "@/lib/surveys/schemas";

/**
 * The region's questionnaire for a role as rows: reword, retype, renumber to reorder, tick to remove, fill a blank
 * row to add. Saving publishes a new version; answers given so far keep theirs.
 */
export function QuestionnaireForm({ initial }: { initial: QuestionnaireInput }) {
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    questionnaireSchema,
    saveQuestionnaireAction,
    {
      defaultValues: initial,
      successMessage: "Сохранено.",
    },
  );
  const r = form.register;
  const e = form.formState.errors;
  const types = QUESTION_TYPES.map((t) => [t, TYPE_LABEL[t]] as [string, string]);
  const type = form.watch("questions");
  return (
    <form {...formProps} className="space-y-4">
      <ol className="space-y-3">
        {(initial.questions ?? []).map((q, i) => {
          const blank = !q.text;
          const err = e.questions?.[i];
          return (
            <li
              key={i}
              className={`rounded-md border p-3 ${blank ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200"}`}
            >
              {blank && (
                <p className="mb-2 text-sm font-medium text-slate-700">
                  Новый вопрос (заполните, чтобы добавить)
                </p>
              )}
              <div className="grid gap-3 md:grid-cols-[5rem_1fr_14rem]">
                <Field
                  label="№"
                  inputMode="numeric"
                  registration={r(`questions.${i}.order`)}
                  error={err?.order}
                />
                <TextAreaField
                  label="Текст вопроса"
                  rows={2}
                  registration={r(`questions.${i}.text`)}
                  error={err?.text}
                />
                <SelectField
                  label="Тип ответа"
                  options={types}
                  registration={r(`questions.${i}.type`)}
                  error={err?.type}
                />
              </div>
              {type?.[i]?.type === "choice" && (
                <TextAreaField
                  className="mt-3"
                  label="Варианты ответа (каждый с новой строки)"
                  registration={r(`questions.${i}.options`)}
                  error={err?.options}
                />
              )}
              <div className="mt-2 flex flex-wrap gap-6">
                <CheckboxField label="Обязательный вопрос" registration={r(`questions.${i}.required`)} />
                {!blank && <CheckboxField label="Удалить вопрос" registration={r(`questions.${i}.remove`)} />}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-slate-600">
        Чтобы поменять вопросы местами, измените их номера. Вопрос с изменённой формулировкой сравнивается
        «до» и «после» как прежний; вопрос с другим типом ответа считается новым.
      </p>
      {e.questions?.message && <FormError message={e.questions.message} />}
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>Опубликовать новую версию</SubmitButton>
      {hidden}
    </form>
  );
}
