import { Card } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import type { requiredDocumentsChecklist } from "@/lib/registry/documents/queries";

type Checklist = Awaited<ReturnType<typeof requiredDocumentsChecklist>>;

function Mark({ ok }: { ok: boolean }) {
  return (
    <span aria-hidden className={`font-bold ${ok ? "text-green-700" : "text-red-700"}`}>
      {ok ? "✓" : "✗"}
    </span>
  );
}

/** The four documents of form 1 and the curator: what is in place and what is missing. */
export function RequiredDocumentsChecklist({ checklist }: { checklist: Checklist }) {
  const missing = checklist.items.filter((i) => !i.document).length;
  return (
    <Card
      className="mb-6"
      title="Обязательные документы (форма 1)"
      actions={
        <p className="text-sm text-slate-600">
          {missing === 0 ? "Все четыре документа на месте." : `Не хватает документов: ${missing} из 4.`}
        </p>
      }
    >
      <ul className="space-y-2 text-sm">
        {checklist.items.map(({ type, document }) => (
          <li key={type} className="flex gap-2">
            <Mark ok={Boolean(document)} />
            <span>
              <span className="font-medium text-slate-900">{DOCUMENT_TYPE_LABELS[type]}</span>
              {document ? (
                <span className="text-slate-700">
                  {" — "}
                  {document.number ? `№ ${document.number}` : "без номера"} от {formatDate(document.date)}
                </span>
              ) : (
                <span className="text-red-800"> — нет действующего документа</span>
              )}
            </span>
          </li>
        ))}
        <li className="flex gap-2 border-t border-slate-100 pt-2">
          <Mark ok={checklist.curatorAppointed} />
          <span className="font-medium text-slate-900">
            {checklist.curatorAppointed
              ? "Куратор внедрения ЦМН назначен"
              : "Куратор внедрения ЦМН не назначен: укажите его в карточке организации или добавьте приказ о назначении куратора"}
          </span>
        </li>
      </ul>
    </Card>
  );
}
