"use client";
import { useState, useTransition } from "react";
import { archivePersonAction } from "@/lib/registry/persons/actions";

/** Moves a register entry to the archive or back; the list hides archived entries. */
export function ArchivePersonButton({ id, archived }: { id: number; archived: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            if (!archived && !window.confirm("Перенести запись в архив? Её можно будет вернуть.")) return;
            const result = await archivePersonAction({ id, archived: !archived });
            setError(result.ok ? null : (result.formError ?? "Не удалось."));
          })
        }
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {archived ? "Вернуть из архива" : "В архив"}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
