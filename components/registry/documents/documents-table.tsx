import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import { archiveDocumentAction } from "@/lib/registry/documents/actions";
import type { DocumentRow } from "@/lib/registry/documents/queries";
import { withOrg } from "@/lib/registry/context";
import { ArchiveButton } from "./archive-button";

function size(bytes: number | null) {
  if (!bytes) return "";
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} КБ`
    : `${(bytes / 1024 / 1024).toLocaleString("ru-RU", { maximumFractionDigits: 1 })} МБ`;
}

/** The register of documents; edit and archive controls only for those who may edit. */
export function DocumentsTable({
  rows,
  organisationId,
  canEdit,
  orgQuery,
}: {
  rows: DocumentRow[];
  organisationId: number;
  canEdit: boolean;
  orgQuery: string;
}) {
  if (rows.length === 0) return <p className="text-slate-600">В реестре пока нет документов.</p>;
  return (
    <Table caption="Нормативные документы организации">
      <thead>
        <tr>
          <Th>Вид</Th>
          <Th>Номер</Th>
          <Th>Дата</Th>
          <Th>Название</Th>
          <Th>Файл</Th>
          <Th>Статус</Th>
          {canEdit && <Th>Действия</Th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id}>
            <Td>{DOCUMENT_TYPE_LABELS[d.type]}</Td>
            <Td className="whitespace-nowrap">{d.number || "—"}</Td>
            <Td className="whitespace-nowrap tabular-nums">{formatDate(d.date)}</Td>
            <Td>{d.title}</Td>
            <Td>
              {d.fileId ? (
                <a className="text-brand-700 underline" href={`/api/files/${d.fileId}`}>
                  {d.fileName}
                  <span className="text-slate-500"> ({size(d.fileSize)})</span>
                </a>
              ) : (
                <span className="text-slate-500">нет файла</span>
              )}
            </Td>
            <Td>
              <div className="flex flex-col items-start gap-1">
                {d.inForce ? <Badge tone="green">Действует</Badge> : <Badge>Утратил силу</Badge>}
                {d.public ? <Badge tone="blue">Опубликован</Badge> : <Badge>Не публикуется</Badge>}
              </div>
            </Td>
            {canEdit && (
              <Td>
                <div className="flex flex-col items-start gap-1">
                  <Link
                    className="text-brand-700 text-sm font-medium underline-offset-2 hover:underline"
                    href={withOrg(`/registry/documents/${d.id}`, orgQuery)}
                  >
                    Изменить<span className="sr-only"> документ «{d.title}»</span>
                  </Link>
                  <ArchiveButton
                    action={archiveDocumentAction}
                    input={{ id: d.id, organisationId, updatedAt: d.updatedAt.toISOString() }}
                    recordName={`документ «${d.title}»`}
                    question={`Убрать в архив документ «${d.title}»? Он пропадёт из реестра и с публичной страницы.`}
                  />
                </div>
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
