"use client";
import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { deleteRoadmapItemAction, moveRoadmapItemAction } from "@/lib/roadmap/actions";

/**
 * A move is two fixed values and no input to check: a plain form with React's form action, without
 * react-hook-form (a roadmap has two of these a row: as full forms they were most of its page's cost). Without
 * JavaScript it posts the same fields; with it, the action runs and the page refreshes with the new order.
 */
function MoveButton({ id, direction, name }: { id: number; direction: "up" | "down"; name: string }) {
  const [state, formAction, pending] = useActionState(
    moveRoadmapItemAction as (
      state: ActionResult<unknown> | null,
      data: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  const label = direction === "up" ? "Выше" : "Ниже";
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        disabled={pending}
        title={direction === "up" ? "Переместить выше" : "Переместить ниже"}
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-50"
      >
        {direction === "up" ? "↑" : "↓"} {label}
        <span className="sr-only">: {name}</span>
      </button>
      {state && !state.ok && (
        <span role="alert" className="block text-xs text-red-700">
          {state.formError ??
            Object.values(state.fieldErrors ?? {}).flat()[0] ??
            "Не удалось переместить строку."}
        </span>
      )}
    </form>
  );
}

/** «Выше», «Ниже» of a roadmap row. */
export function MoveButtons({ id, name }: { id: number; name: string }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <MoveButton id={id} direction="up" name={name} />
      <MoveButton id={id} direction="down" name={name} />
    </span>
  );
}

/** «Удалить» with a confirmation; a section goes with its items, and the dialog says how many. */
export function DeleteRoadmapItem({
  id,
  updatedAt,
  title,
  items,
  afterHref,
}: {
  id: number;
  updatedAt: string;
  title: string;
  /** For a section: the items under it. */
  items: number | null;
  afterHref: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() => setOpen(true)}
        className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? "Подождите…" : items != null ? "Удалить раздел" : "Удалить мероприятие"}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={open}
        title={items != null ? "Удалить раздел?" : "Удалить мероприятие?"}
        confirmLabel="Удалить"
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          setError(null);
          startTransition(async () => {
            const result = await deleteRoadmapItemAction({ id, updatedAt });
            if (!result.ok) setError(result.formError ?? "Не удалось удалить строку.");
            else router.push(afterHref);
          });
        }}
      >
        <p>«{title}» будет удалено из дорожной карты. Вернуть его можно, только добавив заново.</p>
        {items != null && items > 0 && (
          <p className="font-medium text-red-800">Вместе с разделом удалятся мероприятия в нём: {items}.</p>
        )}
      </ConfirmDialog>
    </div>
  );
}
