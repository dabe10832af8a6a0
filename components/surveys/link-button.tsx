"use client";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";

type Created = { link: string; recipient: "participant" | "representative" | "none"; mailed: boolean };
type Action<T> = (state: ActionResult<T> | null, data: FormData) => Promise<ActionResult<T>>;

const small =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 shadow-sm hover:bg-slate-100 disabled:opacity-60";

function recipientText(c: Created): string {
  if (c.recipient === "representative")
    return c.mailed
      ? "Ссылка отправлена законному представителю на электронную почту."
      : "Почта не настроена: передайте ссылку законному представителю сами.";
  if (c.recipient === "participant")
    return c.mailed
      ? "Ссылка отправлена участнику на электронную почту."
      : "Почта не настроена: передайте ссылку участнику сами.";
  return "В карточке нет электронной почты: передайте ссылку участнику сами.";
}

/** «Ссылка на анкету»: creates a one-time link, shows it to copy and says where it was sent. Works without JS. */
export function LinkButton(props: {
  action: Action<Created>;
  target: { programmeId: number; personId: number; role: string; stage: string };
  label: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  const [copied, setCopied] = useState(false);
  if (state?.ok)
    return (
      <div
        className="mt-1 space-y-1 rounded-md border border-green-300 bg-green-50 p-2 text-xs text-green-900"
        role="status"
      >
        <p>{recipientText(state.data)} Действует 14 дней, один раз.</p>
        <div className="flex gap-1">
          <input
            readOnly
            value={state.data.link}
            aria-label="Ссылка на анкету"
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1.5 py-1 font-mono text-[11px] text-slate-800"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className={small}
            onClick={async () => {
              await navigator.clipboard?.writeText(state.data.link);
              setCopied(true);
            }}
          >
            {copied ? "Скопировано" : "Копировать"}
          </button>
        </div>
      </div>
    );
  return (
    <form action={formAction} className="inline">
      {Object.entries(props.target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={small} disabled={pending}>
        {pending ? "Подождите…" : props.label}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 max-w-xs text-xs text-red-700">
          {state.formError}
        </p>
      )}
    </form>
  );
}

/** «Отозвать»: the issued link stops working. */
export function RevokeButton(props: { action: Action<{ id: number }>; id: number }) {
  const [state, formAction, pending] = useActionState(props.action, null);
  if (state?.ok) return <span className="text-xs text-slate-600">Ссылка отозвана.</span>;
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={props.id} />
      <button type="submit" className={small} disabled={pending}>
        Отозвать
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.formError}
        </p>
      )}
    </form>
  );
}
