import type { ImportPhase } from "@/lib/registry/import/types";

export interface Progress {
  phase: ImportPhase | "upload";
  done: number;
  total: number;
}

const LABELS: Record<Progress["phase"], string> = {
  upload: "Отправка файла",
  read: "Чтение файла",
  check: "Проверка строк",
  write: "Запись в реестр",
};

/** One bar for the current phase; an unknown total shows a moving (indeterminate) bar. */
export function ProgressBar({ progress }: { progress: Progress }) {
  const { phase, done, total } = progress;
  const known = total > 0 && !(phase === "read" && done === 0);
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : null;
  const detail =
    phase === "upload"
      ? percent != null
        ? `${percent} %`
        : ""
      : phase === "write" || phase === "check"
        ? `${done.toLocaleString("ru-RU")} из ${total.toLocaleString("ru-RU")}`
        : "";
  return (
    <div className="space-y-1">
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {LABELS[phase]}… {detail}
      </p>
      <progress
        className="h-2 w-full overflow-hidden rounded accent-blue-700"
        aria-label={LABELS[phase]}
        max={100}
        value={percent ?? undefined}
      />
    </div>
  );
}
