"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">Что-то пошло не так</h1>
      <p className="mt-3 text-slate-700">
        Не удалось открыть страницу из-за внутренней ошибки. Попробуйте ещё раз; если ошибка повторится,
        сообщите администратору.
      </p>
      <button type="button" onClick={reset} className="bg-brand-600 mt-6 rounded-md px-4 py-2 text-white">
        Повторить
      </button>
    </main>
  );
}
