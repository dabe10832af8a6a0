"use client";
import Link from "next/link";
import { useState } from "react";
import { Field, FormError, FormSuccess, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { setPasswordAction } from "@/lib/admin/password/actions";
import { MIN_PASSWORD_LENGTH, setPasswordSchema } from "@/lib/admin/password/schemas";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [done, setDone] = useState(false);
  const { form, formProps, hidden, pending, formError, success, outcome } = useActionForm(
    setPasswordSchema,
    setPasswordAction,
    {
      defaultValues: { token, password: "", confirm: "" },
      onSuccess: () => setDone(true),
    },
  );
  const e = form.formState.errors;
  // Without JavaScript the page comes back with the result: no onSuccess ran.
  if (done || outcome?.ok)
    return (
      <div className="space-y-4">
        <FormSuccess message={success ?? "Пароль задан."} />
        <Link
          href="/login"
          className="bg-brand-600 hover:bg-brand-700 inline-block rounded-md px-4 py-2 font-medium text-white"
        >
          Войти
        </Link>
      </div>
    );
  return (
    <form {...formProps} className="space-y-4">
      {/* Lets password managers save the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field
        label="Новый пароль"
        type="password"
        autoComplete="new-password"
        registration={form.register("password")}
        error={e.password}
        hint={`Не короче ${MIN_PASSWORD_LENGTH} символов. Удобно взять несколько слов подряд.`}
      />
      <Field
        label="Пароль ещё раз"
        type="password"
        autoComplete="new-password"
        registration={form.register("confirm")}
        error={e.confirm}
      />
      <FormError message={formError ?? e.token?.message ?? null} />
      <SubmitButton pending={pending}>Задать пароль</SubmitButton>
      {hidden}
    </form>
  );
}
