"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { issuePasswordLinkAction, setUserActiveAction } from "@/lib/admin/users/actions";
import { IssuedLink } from "./issued-link";
import { NeedsScript } from "@/components/ui/needs-script";
import { useHydrated } from "@/components/ui/use-hydrated";

const button =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";

/** Deactivate / activate an account, and issue a new one-time link to set the password. */
export function UserControls({
  userId,
  updatedAt,
  active,
  self,
}: {
  userId: number;
  updatedAt: string;
  active: boolean;
  self: boolean;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  // The buttons act through the script (a confirmation, then the action): disabled until it runs.
  const ready = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ link: string; message: string } | null>(null);
  return (
    <div className="space-y-3">
      <NeedsScript>
        Чтобы выдать ссылку или отключить учётную запись, включите JavaScript в браузере.
      </NeedsScript>
      <div className="flex flex-wrap gap-2">
        {active && (
          <button
            type="button"
            disabled={pending || !ready}
            className={button}
            onClick={() =>
              start(async () => {
                setError(null);
                const r = await issuePasswordLinkAction({ userId });
                if (r.ok) setIssued(r.data);
                else setError(r.formError ?? "Не удалось выдать ссылку.");
              })
            }
          >
            Выдать ссылку для смены пароля
          </button>
        )}
        {!self && (
          <button
            type="button"
            disabled={pending || !ready}
            className={button}
            onClick={() =>
              start(async () => {
                if (
                  active &&
                  !window.confirm("Отключить учётную запись? Пользователь сразу потеряет доступ.")
                )
                  return;
                setError(null);
                const r = await setUserActiveAction({ userId, updatedAt, active: !active });
                if (r.ok) router.refresh();
                else setError(r.formError ?? "Не удалось.");
              })
            }
          >
            {active ? "Отключить учётную запись" : "Включить учётную запись"}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {issued && <IssuedLink link={issued.link} message={issued.message} />}
    </div>
  );
}
