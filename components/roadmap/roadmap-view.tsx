import Link from "next/link";
import { ButtonLink } from "@/components/registry/header";
import { Card } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/roles";
import { reaches } from "@/lib/auth/rules";
import { countOf } from "@/lib/format";
import { isItemOverdue } from "@/lib/roadmap/domain";
import { documentChoices, listRoadmap } from "@/lib/roadmap/queries";
import { canEditRoadmap, type RoadmapOwner } from "@/lib/roadmap/scope";
import { DOCUMENT_TYPE_LABELS } from "@/lib/vocabulary";
import { formatDate } from "@/lib/format";
import { RoadmapImportForm } from "./import-form";
import { RoadmapItemForm } from "./item-form";
import { RoadmapTable } from "./roadmap-table";

const LEVEL_TITLES = {
  organisation: "организации",
  municipality: "муниципалитета",
  region: "региона",
} as const;

/** A roadmap page's body: title, counts, the table, and for editors the add and import forms. */
export async function RoadmapView({
  user,
  owner,
  today,
  back,
  children,
}: {
  user: SessionUser;
  owner: RoadmapOwner;
  today: string;
  back?: { href: string; label: string };
  children?: React.ReactNode;
}) {
  const rows = await listRoadmap(owner, today);
  const canEdit = canEditRoadmap(user, owner);
  const items = rows.filter((r) => !r.isSection);
  const done = items.filter((r) => r.status === "done").length;
  const overdue = items.filter((r) => isItemOverdue(r, today)).length;
  const docs = owner.level === "organisation" && canEdit ? await documentChoices(owner.id) : [];
  const readsRegisters =
    owner.level === "organisation" && reaches(user, "readRegisters", { ...owner, organisationId: owner.id });
  return (
    <>
      {back && (
        <p className="no-print mb-2 text-sm">
          <Link href={back.href} className="text-blue-800 hover:underline">
            ← {back.label}
          </Link>
        </p>
      )}
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">{owner.name}</p>
          <h1 className="text-2xl font-bold text-slate-900">
            План мероприятий (дорожная карта) {LEVEL_TITLES[owner.level]}
          </h1>
          <p className="mt-1 text-sm text-slate-700">
            {countOf(items.length, "мероприятие", "мероприятия", "мероприятий")}, выполнено {done}
            {overdue > 0 && <span className="font-semibold text-red-800">, просрочено {overdue}</span>}
            {" · "}сегодня {formatDate(today)}
          </p>
          {!canEdit && <p className="mt-1 text-sm text-amber-900">Только просмотр.</p>}
        </div>
        <div className="no-print flex flex-wrap gap-2">
          {rows.length > 0 && (
            <ButtonLink variant="secondary" href={`/api/roadmap/export?level=${owner.level}&id=${owner.id}`}>
              Скачать XLSX
            </ButtonLink>
          )}
          {canEdit && <ButtonLink href="#new-item">Добавить мероприятие</ButtonLink>}
        </div>
      </div>
      {children}
      <Card>
        <RoadmapTable
          rows={rows}
          canEdit={canEdit}
          documentLinks={canEdit ? "edit" : readsRegisters ? "list" : "none"}
        />
      </Card>
      {canEdit && (
        <>
          <section id="new-item" aria-label="Новая строка" className="mt-6 scroll-mt-6">
            <Card title="Добавить в дорожную карту">
              <RoadmapItemForm
                mode="create"
                level={owner.level}
                documents={docs.map((d) => [
                  String(d.id),
                  `${DOCUMENT_TYPE_LABELS[d.type]}: ${d.title}${d.number ? `, № ${d.number}` : ""}${d.date ? ` от ${formatDate(d.date)}` : ""}`,
                ])}
                sections={rows
                  .filter((r) => r.isSection)
                  .map((r) => [String(r.id), `${r.number}. ${r.title}`])}
                initial={{
                  level: owner.level,
                  ownerId: owner.id,
                  isSection: "false",
                  sectionId: "",
                  title: "",
                  due: "",
                  responsible: "",
                  result: "",
                  status: "planned",
                  doneDate: "",
                  documentId: "",
                  resultUrl: "",
                }}
              />
            </Card>
          </section>
          <section aria-label="Загрузка из Excel" className="mt-6">
            <Card title="Загрузить из Excel">
              <RoadmapImportForm level={owner.level} ownerId={owner.id} />
            </Card>
          </section>
        </>
      )}
    </>
  );
}
