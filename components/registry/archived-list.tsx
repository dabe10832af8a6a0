import type { ActionResult } from "@/lib/actions/result";
import { formatDayIn } from "@/lib/clock";
import { ArchiveButton } from "./documents/archive-button";

export interface ArchivedItem {
  id: number;
  /** What the record is called in the list and in the confirmation: «приказ № 12 от 01.09.2024». */
  name: string;
  detail?: string;
  archivedAt: Date;
}

/**
 * The records a curator moved to the archive, folded under the register: each can be brought back (editors only).
 * Archived records are out of the register, the checklist, the reports and the public page until then.
 */
export function ArchivedList({
  items,
  organisationId,
  canEdit,
  restore,
  zone,
}: {
  items: ArchivedItem[];
  /** The region's time zone: the day an instant fell on there. */
  zone: string;
  organisationId: number;
  canEdit: boolean;
  restore: (input: { id: number; organisationId: number }) => Promise<ActionResult<unknown>>;
}) {
  if (items.length === 0) return null;
  return (
    <details className="mt-6 rounded-lg border border-slate-300 bg-white px-4 py-3">
      <summary className="cursor-pointer font-medium text-slate-800">Архив ({items.length})</summary>
      <ul className="mt-3 divide-y divide-slate-200">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-start justify-between gap-x-6 gap-y-1 py-2">
            <div>
              <p className="text-slate-900">{item.name}</p>
              <p className="text-sm text-slate-600">
                {item.detail ? `${item.detail} · ` : ""}в архиве с {formatDayIn(item.archivedAt, zone)}
              </p>
            </div>
            {canEdit && (
              <ArchiveButton
                action={restore}
                input={{ id: item.id, organisationId }}
                question={`Вернуть из архива: ${item.name}?`}
                label="Вернуть из архива"
                recordName={item.name}
                restore
              />
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
