import Link from "next/link";

export const metadata = { title: "Нет доступа" };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">Нет доступа</h1>
      <p className="mt-3 text-slate-700">
        Эта страница недоступна для вашей роли. Если доступ нужен, обратитесь к администратору.
      </p>
      <Link href="/home" className="text-brand-700 mt-6 inline-block underline">
        На главную
      </Link>
    </main>
  );
}
