"use client";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="ru">
      <body style={{ fontFamily: "sans-serif", textAlign: "center", padding: "6rem 1rem" }}>
        <h1>Что-то пошло не так</h1>
        <p>Не удалось открыть страницу. Попробуйте ещё раз.</p>
        <button type="button" onClick={reset}>
          Повторить
        </button>
      </body>
    </html>
  );
}
