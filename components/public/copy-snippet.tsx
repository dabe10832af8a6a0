"use client";

import { useState } from "react";

/** The embed code in a read-only field with a copy button; the result is announced to screen readers. */
export function CopySnippet({ code }: { code: string }) {
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setState("done");
    } catch {
      setState("failed");
    }
  };
  return (
    <div>
      <label htmlFor="embed-code" className="mb-1 block text-sm font-medium text-slate-800">
        Код для вставки на сайт
      </label>
      <textarea
        id="embed-code"
        readOnly
        rows={2}
        value={code}
        onFocus={(e) => e.currentTarget.select()}
        className="w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-sm text-slate-900"
      />
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={copy}
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-medium text-white shadow-sm"
        >
          Скопировать код
        </button>
        <span role="status" aria-live="polite" className="text-sm text-slate-700">
          {state === "done"
            ? "Код скопирован. Вставьте его на страницу «Наставничество» сайта школы."
            : state === "failed"
              ? "Не удалось скопировать: выделите код и нажмите Ctrl+C."
              : ""}
        </span>
      </div>
    </div>
  );
}
