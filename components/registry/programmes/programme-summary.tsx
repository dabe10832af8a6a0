import { Badge } from "@/components/ui/badge";
import type { Programme } from "@/db/schema";
import { formatDate } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/registry/formats";
import { FORMAT_LABELS } from "@/lib/reports/domain";

/** The programme's card as text: what a coordinator sees, and the curator above the edit form. */
export function ProgrammeSummary({ p }: { p: Programme }) {
  const items: [string, string][] = [
    ["Форма наставничества", FORMAT_LABELS[p.format]],
    ["Ролевая модель", p.roleModel],
    ["Виды наставничества", p.modes.join(", ")],
    ["Этап", STAGE_LABELS[p.stage]],
    ["Сроки", `${formatDate(p.startDate)} — ${p.endDate ? formatDate(p.endDate) : "не указан"}`],
    ["Цель", p.goal],
    ["Ожидаемые результаты", p.expectedResults],
    ["Достигнутые результаты", p.achievedResults],
  ];
  return (
    <>
      {(p.bestPractice || p.archived) && (
        <p className="mb-3 flex gap-2">
          {p.bestPractice && <Badge tone="green">лучшая практика</Badge>}
          {p.archived && <Badge>в архиве</Badge>}
        </p>
      )}
      <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
        {items.map(([k, v]) => (
          <div key={k} className={v.length > 80 ? "md:col-span-2" : undefined}>
            <dt className="text-slate-600">{k}</dt>
            <dd className="font-medium whitespace-pre-line text-slate-900">{v || "—"}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
