import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { fullName } from "@/lib/registry/mentorships/names";
import type { listProgrammeMentorships } from "@/lib/registry/mentorships/queries";

type Pair = Awaited<ReturnType<typeof listProgrammeMentorships>>[number];

export function PairStatus({ pair }: { pair: Pick<Pair, "completed" | "active" | "archived"> }) {
  if (pair.archived) return <Badge>в архиве</Badge>;
  if (pair.completed) return <Badge tone="green">завершено</Badge>;
  return pair.active ? <Badge tone="blue">действует</Badge> : <Badge tone="amber">не действует</Badge>;
}

/** The programme's pairs; consecutive rows of one mentor make a group, so the mentor is named once. */
export function PairsTable({
  pairs,
  hrefOf,
  canEdit,
}: {
  pairs: Pair[];
  hrefOf: (id: number) => string;
  canEdit: boolean;
}) {
  return (
    <Table caption="Наставнические пары и группы программы">
      <thead>
        <tr>
          <Th>Наставник</Th>
          <Th>Наставляемый</Th>
          <Th>Вступление</Th>
          <Th>Окончание</Th>
          <Th>Приказ</Th>
          <Th>Состояние</Th>
          <Th>
            <span className="sr-only">Действия</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((m, i) => {
          const sameMentor = i > 0 && pairs[i - 1].mentor.id === m.mentor.id;
          return (
            <tr key={m.id}>
              <Td className={sameMentor ? "text-slate-400" : "font-medium"}>
                {sameMentor ? (
                  <>
                    <span aria-hidden>〃</span>
                    <span className="sr-only">{fullName(m.mentor)}</span>
                  </>
                ) : (
                  fullName(m.mentor)
                )}
              </Td>
              <Td>
                {fullName(m.mentee)}
                {m.mentee.grade && <span className="text-slate-600">, {m.mentee.grade}</span>}
              </Td>
              <Td className="whitespace-nowrap">{formatDate(m.entryDate)}</Td>
              <Td className="whitespace-nowrap">{formatDate(m.endDate)}</Td>
              <Td className="whitespace-nowrap">
                {m.orderNumber ? `№ ${m.orderNumber}` : "—"}
                {m.orderDate && (
                  <span className="block text-xs text-slate-600">от {formatDate(m.orderDate)}</span>
                )}
              </Td>
              <Td>
                <PairStatus pair={m} />
              </Td>
              <Td>
                <Link href={hrefOf(m.id)} className="text-brand-700 text-sm hover:underline">
                  {canEdit ? "Изменить" : "Подробнее"}
                  <span className="sr-only">
                    : {fullName(m.mentor)} — {fullName(m.mentee)}
                  </span>
                </Link>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
