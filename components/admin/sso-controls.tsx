"use client";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { unbindSsoAction } from "@/lib/admin/users/actions";
import { unbindSsoSchema } from "@/lib/admin/users/schemas";

/** «Отвязать региональную учётную запись» on the account's card (works without JavaScript too). */
export function UnbindSso({ userId, self }: { userId: number; self: boolean }) {
  const router = useRouter();
  const { formProps, hidden, pending, formError } = useActionForm(unbindSsoSchema, unbindSsoAction, {
    defaultValues: { userId },
    onSuccess: () => router.refresh(),
  });
  const question = self
    ? "Отвязать вашу региональную учётную запись? Следующий вход через неё привяжет её заново."
    : "Отвязать региональную учётную запись? Пользователь сразу выйдет из системы; следующий вход через " +
      "региональную учётную запись привяжет её заново по подтверждённому адресу почты.";
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        if (!window.confirm(question)) {
          event.preventDefault();
          return;
        }
        void formProps.onSubmit(event);
      }}
      className="space-y-2"
    >
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        Отвязать региональную учётную запись
      </button>
      <FormError message={formError} />
      {hidden}
    </form>
  );
}
