"use client";
import { CheckboxField, FormError, FormSuccess, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { KINDS, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { notificationSettingsSchema } from "@/lib/notifications/schemas";

/** The user's e-mails, kind by kind: ticked — letters come; unticked — the notification stays in the app only. */
export function NotificationSettingsForm({
  kinds,
  choices,
}: {
  kinds: NotificationKind[];
  choices: Partial<Record<NotificationKind, boolean>>;
}) {
  const email = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, choices[k] ?? false])) as Record<
    NotificationKind,
    boolean
  >;
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    notificationSettingsSchema,
    saveNotificationSettingsAction,
    { defaultValues: { email }, successMessage: "Настройки писем сохранены." },
  );
  return (
    <form {...formProps} className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-900">Присылать на почту:</legend>
        {kinds.map((kind) => (
          <CheckboxField
            key={kind}
            label={KINDS[kind].label}
            hint={KINDS[kind].hint || undefined}
            registration={form.register(`email.${kind}`)}
            error={form.formState.errors.email?.[kind]}
          />
        ))}
      </fieldset>
      <SubmitButton pending={pending}>Сохранить</SubmitButton>
      <FormError message={formError} />
      <FormSuccess message={success} />
      {hidden}
    </form>
  );
}
