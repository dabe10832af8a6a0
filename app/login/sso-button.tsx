"use client";
import { FormError } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { ssoSignInAction } from "@/lib/auth/actions";
import { ssoSignInSchema } from "@/lib/auth/schemas";

/**
 * «Войти через региональную учётную запись»: posts to the server action, which sends the browser to the region's
 * identity provider (without JavaScript too: a form post answered with a redirect).
 */
export function SsoButton({ callbackUrl }: { callbackUrl?: string }) {
  const { formProps, hidden, pending, formError } = useActionForm(ssoSignInSchema, ssoSignInAction, {
    defaultValues: { callbackUrl: callbackUrl ?? "" },
  });
  return (
    <form {...formProps} className="space-y-2">
      <button
        type="submit"
        disabled={pending}
        className="text-brand-800 border-brand-600 hover:bg-brand-50 w-full rounded-md border bg-white px-4 py-2 font-medium shadow-sm disabled:opacity-60"
      >
        {pending ? "Переходим к региональному входу…" : "Войти через региональную учётную запись"}
      </button>
      <FormError message={formError} />
      {hidden}
    </form>
  );
}
