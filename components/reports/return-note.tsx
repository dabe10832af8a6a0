import { formatDateTime } from "@/lib/format";
import type { ReturnNote } from "@/lib/reports/returns";

/** Why the report came back, from whom and when: shown wherever a returned report is listed. */
export function ReturnNoteView({
  note,
  zone,
  compact = false,
}: {
  note: ReturnNote;
  zone: string;
  compact?: boolean;
}) {
  const when = formatDateTime(note.at, zone);
  if (compact) {
    return (
      <p className="mt-1 max-w-md text-xs text-amber-900">
        <span className="font-medium">
          {note.by}, {when}:
        </span>{" "}
        {note.comment || "без комментария"}
      </p>
    );
  }
  return (
    <figure className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <figcaption className="font-medium">
        Возвращён на доработку {when} · {note.by}
      </figcaption>
      <blockquote className="mt-1 whitespace-pre-line">
        {note.comment || "Комментарий не оставлен."}
      </blockquote>
    </figure>
  );
}
