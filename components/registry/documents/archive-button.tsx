"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

/** «В архив» (or, with `restore`, «Вернуть из архива») with a confirmation; a refusal is shown next to the button. */
export function ArchiveButton<I>({
  action,
  input,
  question,
  label = "В архив",
  recordName,
  afterHref,
  restore = false,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  /** The confirmation, naming the record: «Убрать в архив приказ № 12?» */
  question: string;
  label?: string;
  /** Read to screen readers after the label, so that each row's button says what it archives. */
  recordName?: string;
  /** Where to go after archiving (from an edit page); otherwise the current page refreshes. */
  afterHref?: string;
  /** The button brings a record back from the archive: neutral colour, its own failure message. */
  restore?: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(question)) return;
          setError(null);
          startTransition(async () => {
            const result = await action(input);
            if (!result.ok)
              setError(
                result.formError ??
                  (restore ? "Не удалось вернуть запись из архива." : "Не удалось убрать запись в архив."),
              );
            else if (afterHref) router.push(afterHref);
            else router.refresh();
          });
        }}
        className={`text-sm font-medium underline-offset-2 hover:underline disabled:opacity-60 ${restore ? "text-blue-800" : "text-red-700"}`}
      >
        {pending ? "Подождите…" : label}
        {recordName && <span className="sr-only"> {recordName}</span>}
      </button>
      {error && (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
