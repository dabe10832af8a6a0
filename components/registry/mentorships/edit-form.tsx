"use client";
import {
  CheckboxField,
  Field,
  FormError,
  FormSuccess,
  SubmitButton,
  TextAreaField,
} from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateMentorshipAction } from "@/lib/registry/mentorships/actions";
import { updateMentorshipSchema, type UpdateMentorshipInput } from "@/lib/registry/mentorships/schemas";

/** The pair after its assignment: end, result, review links, completion and order. */
export function EditMentorshipForm({ initial }: { initial: UpdateMentorshipInput }) {
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    updateMentorshipSchema,
    updateMentorshipAction,
    {
      defaultValues: initial,
      successMessage: "Изменения сохранены.",
      onSuccess: (data) => form.setValue("updatedAt", data.updatedAt),
    },
  );
  const r = form.register;
  const e = form.formState.errors;
  return (
    <form {...formProps} className="space-y-5">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Дата окончания" type="date" registration={r("endDate")} error={e.endDate} />
        <CheckboxField
          className="self-end"
          label="Наставничество завершено"
          registration={r("completed")}
          error={e.completed}
        />
        <TextAreaField
          className="md:col-span-2"
          label="Результат"
          registration={r("result")}
          error={e.result}
        />
        <Field
          label="Ссылка на кейс или отзыв наставника"
          type="url"
          registration={r("mentorReviewUrl")}
          error={e.mentorReviewUrl}
          hint="Например, https://school.example.ru/nastavnichestvo/otzyv"
        />
        <Field
          label="Ссылка на отзыв наставляемого"
          type="url"
          registration={r("menteeReviewUrl")}
          error={e.menteeReviewUrl}
        />
        <Field label="Номер приказа о закреплении" registration={r("orderNumber")} error={e.orderNumber} />
        <Field label="Дата приказа" type="date" registration={r("orderDate")} error={e.orderDate} />
      </div>
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>Сохранить</SubmitButton>
      {hidden}
    </form>
  );
}
