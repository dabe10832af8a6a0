import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/admin/forgot-password-form";

export const metadata: Metadata = { title: "Забыли пароль?" };

export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Забыли пароль?</h1>
        <p className="mb-4 text-sm text-slate-600">
          Укажите адрес, с которым входите в систему: мы пришлём на него ссылку, чтобы задать новый пароль.
          Если письмо не придёт, попросите ссылку у администратора или муниципального координатора.
        </p>
        <ForgotPasswordForm />
        <p className="mt-6 text-sm">
          <Link href="/login" className="text-brand-700 underline">
            ← Ко входу
          </Link>
        </p>
      </div>
    </main>
  );
}
