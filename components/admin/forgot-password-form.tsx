"use client";
import { Field, FormError, FormSuccess, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { requestPasswordResetAction } from "@/lib/admin/password/actions";
import { forgotPasswordSchema } from "@/lib/admin/password/schemas";

export function ForgotPasswordForm() {
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    forgotPasswordSchema,
    requestPasswordResetAction,
    {
      defaultValues: { email: "" },
    },
  );
  if (success) return <FormSuccess message={success} />;
  return (
    <form {...formProps} className="space-y-4">
      <Field
        label="Электронная почта"
        type="email"
        autoComplete="username"
        registration={form.register("email")}
        error={form.formState.errors.email}
      />
      <FormError message={formError} />
      <SubmitButton pending={pending}>Получить ссылку</SubmitButton>
      {hidden}
    </form>
  );
}
