"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormError, FormSuccess } from "@/components/forms/field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NeedsScript } from "@/components/ui/needs-script";
import { createReportAction, reopenReportAction, reviewReportAction } from "@/lib/reports/actions";
import { useHydrated } from "@/components/ui/use-hydrated";

const primary =
  "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";

function useAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The panel works only with its script: until it has taken over, its controls are disabled (a click before
  // would do nothing, a comment typed before would not be sent).
  const ready = useHydrated();
  const run = (
    fn: () => Promise<{ ok: boolean; formError?: string; fieldErrors?: Record<string, string[]> }>,
    success: string,
  ) =>
    start(async () => {
      setError(null);
      setDone(null);
      const result = await fn();
      if (!result.ok) {
        setError(
          [result.formError, ...Object.values(result.fieldErrors ?? {}).flat()].filter(Boolean).join(" "),
        );
        return;
      }
      setDone(success);
      router.refresh();
    });
  return { pending: pending || !ready, error, done, run };
}

/** The coordinator's decision: approve, or return with a comment saying what to fix. */
export function ReviewPanel({ reportId, version }: { reportId: number; version: number }) {
  const [comment, setComment] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { pending, error, done, run } = useAction();
  return (
    <div className="space-y-3">
      <label htmlFor="review-comment" className="block text-sm font-medium">
        Комментарий куратору (обязателен при возврате)
      </label>
      <textarea
        id="review-comment"
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        disabled={pending}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <NeedsScript>Чтобы принять или вернуть отчёт, включите JavaScript в браузере.</NeedsScript>
      <FormError message={error} />
      <FormSuccess message={done} />
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} className={primary} onClick={() => setConfirming(true)}>
          Принять отчёт
        </button>
        <button
          type="button"
          disabled={pending}
          className={secondary}
          onClick={() =>
            run(
              () => reviewReportAction({ reportId, version, decision: "return", comment }),
              "Отчёт возвращён куратору.",
            )
          }
        >
          Вернуть на доработку
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Принять отчёт?"
        confirmLabel="Принять отчёт"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          run(() => reviewReportAction({ reportId, version, decision: "approve", comment }), "Отчёт принят.");
        }}
      >
        <p>
          Цифры отчёта сразу войдут в показатели муниципалитета и региона и появятся на странице организации.
        </p>
        <p>
          Куратор больше не сможет изменить отчёт; исправить принятый отчёт можно, только если администратор
          откроет его повторно.
        </p>
        {comment.trim() && <p>Комментарий сохранится в истории отчёта.</p>}
      </ConfirmDialog>
    </div>
  );
}

/** The admin reopens an approved report, saying why. */
export function ReopenPanel({ reportId, version }: { reportId: number; version: number }) {
  const [reason, setReason] = useState("");
  const { pending, error, done, run } = useAction();
  return (
    <div className="space-y-3">
      <label htmlFor="reopen-reason" className="block text-sm font-medium">
        Причина повторного открытия
      </label>
      <textarea
        id="reopen-reason"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        disabled={pending}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <NeedsScript>Чтобы открыть отчёт повторно, включите JavaScript в браузере.</NeedsScript>
      <FormError message={error} />
      <FormSuccess message={done} />
      <button
        type="button"
        disabled={pending}
        className={secondary}
        onClick={() =>
          run(() => reopenReportAction({ reportId, version, reason }), "Отчёт открыт для исправлений.")
        }
      >
        Открыть повторно
      </button>
    </div>
  );
}

export function CreateReportButton({ organisationId, period }: { organisationId: number; period: string }) {
  const { pending, error, run } = useAction();
  return (
    <div className="space-y-2">
      <NeedsScript>Чтобы начать отчёт, включите JavaScript в браузере.</NeedsScript>
      <button
        type="button"
        disabled={pending}
        className={primary}
        onClick={() => run(() => createReportAction({ organisationId, period }), "Отчёт создан.")}
      >
        Начать отчёт
      </button>
      <FormError message={error} />
    </div>
  );
}
