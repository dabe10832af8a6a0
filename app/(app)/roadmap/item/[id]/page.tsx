import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteRoadmapItem } from "@/components/roadmap/row-controls";
import { RoadmapItemForm } from "@/components/roadmap/item-form";
import { Card } from "@/components/ui/card";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { formatDate } from "@/lib/format";
import { dueText } from "@/lib/roadmap/domain";
import { documentChoices, getRoadmapItem, listRoadmap } from "@/lib/roadmap/queries";
import { editableRoadmapOfItem } from "@/lib/roadmap/scope";
import { regionClock } from "@/lib/territory/clock";
import { isId } from "@/lib/validation";
import { DOCUMENT_TYPE_LABELS } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Мероприятие дорожной карты" };

export default async function RoadmapItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  if (!isId(id)) notFound();
  const owner = await pageScope(editableRoadmapOfItem(user, id));
  const item = await getRoadmapItem(id);
  if (!item) notFound();
  const today = (await regionClock(owner.regionId)).today();
  const rows = await listRoadmap(owner, today);
  const at = rows.findIndex((r) => r.id === id);
  let items: number | null = null;
  if (item.isSection) {
    items = 0;
    for (let i = at + 1; i < rows.length && !rows[i].isSection; i++) items++;
  }
  const back =
    owner.level === "organisation"
      ? `/roadmap/org/${owner.id}`
      : owner.level === "municipality"
        ? `/roadmap/municipality/${owner.id}`
        : "/roadmap/region";
  const docs = owner.level === "organisation" ? await documentChoices(owner.id) : [];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back} className="text-blue-800 hover:underline">
          ← Дорожная карта: {owner.name}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold text-slate-900">
        {item.isSection ? "Раздел" : "Мероприятие"} {rows[at]?.number}
      </h1>
      <Card>
        <RoadmapItemForm
          mode="edit"
          level={owner.level}
          isSection={item.isSection}
          back={back}
          documents={docs.map((d) => [
            String(d.id),
            `${DOCUMENT_TYPE_LABELS[d.type]}: ${d.title}${d.number ? `, № ${d.number}` : ""}${d.date ? ` от ${formatDate(d.date)}` : ""}`,
          ])}
          initial={{
            id: item.id,
            updatedAt: item.updatedAt.toISOString(),
            isSection: item.isSection,
            title: item.title,
            due: dueText(item),
            responsible: item.responsible,
            result: item.result,
            status: item.status,
            doneDate: item.doneDate ?? "",
            documentId: item.documentId == null ? "" : String(item.documentId),
            resultUrl: item.resultUrl ?? "",
          }}
        />
      </Card>
      <div className="mt-6">
        <DeleteRoadmapItem
          id={item.id}
          updatedAt={item.updatedAt.toISOString()}
          title={item.title}
          items={items}
          afterHref={back}
        />
      </div>
    </>
  );
}
