"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { dueText, ROADMAP_STATUS_LABELS, ROADMAP_STATUS_TONES } from "@/lib/roadmap/domain";
import type { RoadmapRow } from "@/lib/roadmap/queries";
import { MoveButtons } from "./row-controls";

/** A roadmap in seed 001's columns plus status, date done and the result's link; overdue rows say so in words. */
export function RoadmapTable({
  rows,
  canEdit,
  documentLinks,
}: {
  rows: RoadmapRow[];
  canEdit: boolean;
  /** Where a result document links: its page in the register (editors), the register (readers), nowhere. */
  documentLinks: "edit" | "list" | "none";
}) {
  if (rows.length === 0)
    return (
      <p className="text-slate-600">
        В дорожной карте пока нет мероприятий.{" "}
        {canEdit && "Добавьте их формой ниже или загрузите файл Excel в том же виде, что и выгрузка."}
      </p>
    );
  return (
    <Table caption="План мероприятий (дорожная карта)" region>
      <thead>
        <tr>
          <Th className="w-14">№ п/п</Th>
          <Th>Наименование мероприятий</Th>
          <Th>Срок реализации</Th>
          <Th>Ответственный исполнитель</Th>
          <Th>Результат, вид документа</Th>
          <Th>Статус</Th>
          {canEdit && <Th className="no-print">Действия</Th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) =>
          r.isSection ? (
            <tr key={r.id} className="bg-slate-50">
              <Td className="font-semibold">{r.number}</Td>
              <Td className="font-semibold text-slate-900" colSpan={5}>
                {r.title}
              </Td>
              {canEdit && (
                <Td className="no-print whitespace-nowrap">
                  <RowActions row={r} />
                </Td>
              )}
            </tr>
          ) : (
            <tr key={r.id} className={r.overdue ? "bg-red-50/60" : undefined}>
              <Td className="tabular-nums">{r.number}</Td>
              <Td>{r.title}</Td>
              <Td className="min-w-32">
                {dueText(r) || <span className="text-slate-400">—</span>}
                {r.overdue && (
                  <span className="mt-1 block text-xs font-semibold text-red-800">Просрочено</span>
                )}
              </Td>
              <Td>{r.responsible}</Td>
              <Td>
                {r.result}
                <ResultLink row={r} links={documentLinks} />
              </Td>
              <Td className="min-w-32">
                <Badge tone={r.overdue ? "red" : ROADMAP_STATUS_TONES[r.status]}>
                  {r.overdue
                    ? `просрочено, ${ROADMAP_STATUS_LABELS[r.status]}`
                    : ROADMAP_STATUS_LABELS[r.status]}
                </Badge>
                {r.doneDate && (
                  <span className="mt-1 block text-xs text-slate-600">{formatDate(r.doneDate)}</span>
                )}
              </Td>
              {canEdit && (
                <Td className="no-print whitespace-nowrap">
                  <RowActions row={r} />
                </Td>
              )}
            </tr>
          ),
        )}
      </tbody>
    </Table>
  );
}

function RowActions({ row }: { row: RoadmapRow }) {
  return (
    <div className="flex flex-col items-start gap-1">
      <Link href={`/roadmap/item/${row.id}`} className="text-sm font-medium text-blue-800 hover:underline">
        Изменить<span className="sr-only">: {row.title}</span>
      </Link>
      <MoveButtons id={row.id} name={row.title} />
    </div>
  );
}

function ResultLink({ row, links }: { row: RoadmapRow; links: "edit" | "list" | "none" }) {
  if (row.document) {
    const label = `${row.document.title}${row.document.number ? `, № ${row.document.number}` : ""}${row.document.date ? ` от ${formatDate(row.document.date)}` : ""}`;
    return (
      <span className="mt-1 block text-xs">
        {row.document.archived || links === "none" ? (
          <span className="text-slate-600">
            {row.document.archived ? "Документ в архиве" : "Документ"}: {label}
          </span>
        ) : (
          <Link
            href={
              links === "edit"
                ? `/registry/documents/${row.document.id}?org=${row.organisationId}`
                : `/registry/documents?org=${row.organisationId}`
            }
            className="text-blue-800 hover:underline"
          >
            Документ: {label}
          </Link>
        )}
      </span>
    );
  }
  if (row.resultUrl)
    return (
      <a
        href={row.resultUrl}
        rel="noopener noreferrer"
        target="_blank"
        className="mt-1 block text-xs break-all text-blue-800 hover:underline"
      >
        {row.resultUrl}
      </a>
    );
  return null;
}
