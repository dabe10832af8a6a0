import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">Страница не найдена</h1>
      <p className="mt-3 text-slate-700">Такой страницы нет, или она недоступна для вашей учётной записи.</p>
      <Link href="/" className="text-brand-700 mt-6 inline-block underline">
        На главную
      </Link>
    </main>
  );
}
