import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/reports/status";

interface Entry {
  id: number;
  from: keyof typeof STATUS_LABELS | null;
  to: keyof typeof STATUS_LABELS;
  comment: string;
  at: Date;
  who: string | null;
  role: Role | null;
}

export function ReportHistory({ history, zone }: { history: Entry[]; zone: string }) {
  if (!history.length) return <p className="text-sm text-slate-600">Истории пока нет.</p>;
  return (
    <ol className="space-y-3 text-sm">
      {history.map((h) => (
        <li key={h.id} className="border-l-2 border-slate-200 pl-3">
          <div className="font-medium">
            {h.from
              ? `${STATUS_LABELS[h.from]} → ${STATUS_LABELS[h.to]}`
              : `Создан: ${STATUS_LABELS[h.to].toLowerCase()}`}
          </div>
          <div className="text-slate-600">
            {formatDateTime(h.at, zone)} · {h.who ?? "система"}
            {h.role ? `, ${ROLE_LABELS[h.role].toLowerCase()}` : ""}
          </div>
          {h.comment && (
            <blockquote className="mt-1 rounded bg-slate-50 px-2 py-1 text-slate-800">
              «{h.comment}»
            </blockquote>
          )}
        </li>
      ))}
    </ol>
  );
}
