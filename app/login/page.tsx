import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FormError } from "@/components/forms/field";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { currentUser } from "@/lib/auth/guard";
import { refusalMessage, SSO_FAILED, ssoRefusalMessage } from "@/lib/auth/messages";
import { oidcEnabled } from "@/lib/auth/oidc";
import { isDemoDatabase } from "@/lib/territory/queries";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Вход" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  if (await currentUser()) redirect("/home");
  const demo = await isDemoDatabase();
  // A refusal from the Auth.js endpoint (a form posted to it without JavaScript) comes back in the address;
  // so does a regional sign-in that found no account (sso=…) or was cut short on the way (any other error).
  const sso = oidcEnabled();
  const refusal = params.sso
    ? ssoRefusalMessage(params.sso)
    : params.error === "CredentialsSignin"
      ? refusalMessage(params.code)
      : params.error && sso
        ? SSO_FAILED
        : null;
  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col justify-center gap-8 px-4 py-10 md:flex-row md:items-start md:pt-24">
      <div className="md:w-1/2">
        <p className="text-brand-700 text-sm font-semibold tracking-wide uppercase">
          Целевая модель наставничества
        </p>
        <h1 className="mt-2 text-4xl font-bold text-slate-900">Наставник</h1>
        <p className="mt-4 text-lg text-slate-700">
          Реестры наставников и наставляемых, квартальные отчёты по формам 1–5 и показатели региона — данные
          вносятся один раз, в организации, а сводные таблицы и графики строятся из них.
        </p>
      </div>
      <div className="w-full md:w-1/2 md:max-w-md">
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-xl font-semibold">Вход в систему</h2>
          {params.expired && (
            <p
              role="status"
              className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              Сеанс завершён или истёк. Войдите снова.
            </p>
          )}
          {params.password === "set" && (
            <p
              role="status"
              className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            >
              Пароль задан. Теперь войдите с ним в систему.
            </p>
          )}
          {refusal && (
            <div className="mb-4">
              <FormError message={refusal} />
            </div>
          )}
          {sso && (
            <>
              <SsoButton callbackUrl={params.callbackUrl} />
              <p className="my-4 flex items-center gap-3 text-sm text-slate-500" aria-hidden="true">
                <span className="h-px flex-1 bg-slate-200" />
                или по паролю
                <span className="h-px flex-1 bg-slate-200" />
              </p>
            </>
          )}
          <SignInForm callbackUrl={params.callbackUrl} demoAccounts={demo ? DEMO_ACCOUNTS : []} />
          <p className="mt-4 text-sm">
            <Link href="/login/forgot" className="text-brand-700 underline">
              Забыли пароль?
            </Link>
          </p>
        </div>
      </div>
    </main>
  );
}
