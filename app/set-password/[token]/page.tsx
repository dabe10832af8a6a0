import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/admin/set-password-form";
import { passwordLinkState } from "@/lib/admin/password/mutations";

// «same-origin», not «no-referrer»: the token stays off other sites, and the form's POST without JavaScript keeps
// its Origin (with «no-referrer» a browser sends «Origin: null», which the cross-site check refuses).
export const metadata: Metadata = { title: "Задать пароль", referrer: "same-origin" };

/** Public: opened from a one-time link. Nothing changes until the form is sent. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await passwordLinkState(token);
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Наставник: пароль для входа</h1>
        {state.ok ? (
          <>
            <p className="mb-4 text-sm text-slate-600">
              {state.name},{" "}
              {state.purpose === "invite"
                ? "задайте пароль для своей новой учётной записи"
                : "задайте новый пароль"}{" "}
              ({state.email}).
            </p>
            <SetPasswordForm token={token} email={state.email} />
          </>
        ) : (
          <>
            <p
              role="alert"
              className="my-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              {state.message}
            </p>
            <Link href="/login" className="text-brand-700 text-sm underline">
              На страницу входа
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
