"use client";
import { Field, FormError, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInAction } from "@/lib/auth/actions";
import { signInSchema } from "@/lib/auth/schemas";
import { useHydrated } from "@/components/ui/use-hydrated";

interface DemoAccount {
  email: string;
  password: string;
  label: string;
}

export function SignInForm({
  callbackUrl,
  demoAccounts,
}: {
  callbackUrl?: string;
  demoAccounts: DemoAccount[];
}) {
  // The demo accounts fill the form with its script: disabled until it runs.
  const ready = useHydrated();
  const { form, formProps, hidden, pending, formError } = useActionForm(signInSchema, signInAction, {
    defaultValues: { email: "", password: "", callbackUrl: callbackUrl ?? "" },
  });
  const { errors } = form.formState;
  return (
    <>
      <form {...formProps} className="space-y-4">
        <Field
          label="Электронная почта"
          type="email"
          autoComplete="username"
          registration={form.register("email")}
          error={errors.email}
        />
        <Field
          label="Пароль"
          type="password"
          autoComplete="current-password"
          registration={form.register("password")}
          error={errors.password}
        />
        <FormError message={formError} />
        <SubmitButton pending={pending}>Войти</SubmitButton>
        {hidden}
      </form>
      {demoAccounts.length > 0 && (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <h3 className="text-sm font-semibold text-slate-800">Демонстрационные учётные записи</h3>
          <p className="mt-1 text-xs text-slate-600">
            Видны только в демонстрационной базе. Нажмите, чтобы подставить.
          </p>
          <ul className="mt-2 space-y-1">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  disabled={!ready}
                  className="hover:bg-brand-50 w-full rounded-md px-2 py-1.5 text-left text-sm"
                  onClick={() => {
                    form.setValue("email", a.email);
                    form.setValue("password", a.password);
                    form.clearErrors();
                  }}
                >
                  <span className="font-medium text-slate-900">{a.label}</span>
                  <span className="block text-xs text-slate-600">
                    {a.email} · пароль {a.password}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
