"use client";
import { useState } from "react";

/** A one-time link shown to whoever issued it, with a copy button. */
export function IssuedLink({ link, message }: { link: string; message: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
    >
      <p>{message}</p>
      {link && (
        <div className="flex flex-wrap items-center gap-2">
          <input
            readOnly
            value={link}
            aria-label="Ссылка для входа"
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 rounded-md border border-green-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900"
          />
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard?.writeText(link).catch(() => {});
              setCopied(true);
            }}
            className="rounded-md border border-green-400 bg-white px-3 py-1.5 font-medium hover:bg-green-100"
          >
            {copied ? "Скопировано" : "Скопировать"}
          </button>
        </div>
      )}
      <p className="text-xs text-green-800">
        Ссылка действует 72 часа и только один раз. После ухода с этой страницы её нельзя будет увидеть снова
        — только выдать новую.
      </p>
    </div>
  );
}
