import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate, formatNumber } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/registry/formats";
import type { listProgrammes } from "@/lib/registry/programmes/queries";
import { FORMAT_LABELS } from "@/lib/reports/domain";

type Row = Awaited<ReturnType<typeof listProgrammes>>["rows"][number];

/** The programmes of one page of the list, with their pair counts. */
export function ProgrammesTable({ rows, hrefOf }: { rows: Row[]; hrefOf: (id: number) => string }) {
  return (
    <Table caption="Программы наставничества">
      <thead>
        <tr>
          <Th>Программа</Th>
          <Th>Форма и ролевая модель</Th>
          <Th>Этап</Th>
          <Th>Сроки</Th>
          <Th className="text-right">Наставников</Th>
          <Th className="text-right">Наставляемых</Th>
          <Th className="text-right">Действующих пар</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <Td>
              <Link href={hrefOf(p.id)} className="text-brand-700 font-medium hover:underline">
                {p.title}
              </Link>
              <span className="mt-1 flex flex-wrap gap-1">
                {p.bestPractice && <Badge tone="green">лучшая практика</Badge>}
                {p.archived && <Badge>в архиве</Badge>}
              </span>
            </Td>
            <Td>
              {FORMAT_LABELS[p.format]}
              <span className="block text-xs text-slate-600">{p.roleModel}</span>
            </Td>
            <Td>{STAGE_LABELS[p.stage]}</Td>
            <Td className="whitespace-nowrap">
              {formatDate(p.startDate)} — {p.endDate ? formatDate(p.endDate) : "…"}
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(p.mentors)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(p.mentees)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(p.active)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
