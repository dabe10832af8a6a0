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
import { createEventAction, updateEventAction } from "@/lib/registry/events/actions";
import {
  eventCreateSchema,
  eventUpdateSchema,
  type EventCreateInput,
  type EventUpdateInput,
} from "@/lib/registry/events/schemas";

type Props = { mode: "create"; initial: EventCreateInput } | { mode: "edit"; initial: EventUpdateInput };

/** Create or edit an entry of the events feed. */
export function EventForm(props: Props) {
  const edit = props.mode === "edit";
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    (edit ? eventUpdateSchema : eventCreateSchema) as typeof eventUpdateSchema,
    edit ? updateEventAction : createEventAction,
    {
      defaultValues: props.initial as EventUpdateInput,
      successMessage: edit ? "Изменения сохранены." : "Мероприятие добавлено в ленту.",
      onSuccess: (saved) => {
        if (edit) form.setValue("updatedAt", saved.updatedAt);
        else form.reset(props.initial as EventUpdateInput);
      },
    },
  );
  const e = form.formState.errors;
  const r = form.register;
  return (
    <form {...formProps} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-4">
        <Field label="Дата" type="date" registration={r("date")} error={e.date} />
        <Field
          className="md:col-span-3"
          label="Название"
          registration={r("title")}
          error={e.title}
          hint="Например, «Педагогическая мастерская молодых специалистов»"
        />
        <TextAreaField
          className="md:col-span-4"
          label="Описание"
          rows={5}
          registration={r("text")}
          error={e.text}
          hint="Что прошло, кто участвовал, каковы итоги."
        />
      </div>
      <CheckboxField
        label="Публиковать на странице организации"
        registration={r("public")}
        error={e.public}
        hint="Мероприятие появится в ленте «Мероприятия» на публичной странице."
      />
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>{edit ? "Сохранить" : "Добавить мероприятие"}</SubmitButton>
      {hidden}
    </form>
  );
}
