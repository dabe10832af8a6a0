import type { Metadata } from "next";
import { ArchivedList } from "@/components/registry/archived-list";
import { RequiredDocumentsChecklist } from "@/components/registry/documents/checklist";
import { DocumentForm } from "@/components/registry/documents/document-form";
import { DocumentsTable } from "@/components/registry/documents/documents-table";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { registryContext } from "@/lib/registry/context";
import { regionClock } from "@/lib/territory/clock";
import { restoreDocumentAction } from "@/lib/registry/documents/actions";
import {
  listArchivedDocuments,
  listDocuments,
  requiredDocumentsChecklist,
} from "@/lib/registry/documents/queries";
import { formatDate } from "@/lib/format";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";

export const metadata: Metadata = { title: "Документы" };

export default async function DocumentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("readRegisters"));
  const { scope, org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  const [rows, archived] = await Promise.all([listDocuments(scope), listArchivedDocuments(scope)]);
  const checklist = await requiredDocumentsChecklist(scope, rows);
  return (
    <>
      <RegistryHeader
        title="Нормативные документы"
        orgName={org.shortName}
        canEdit={canEdit}
        actions={canEdit ? <ButtonLink href="#new-document">Добавить документ</ButtonLink> : undefined}
      />
      <RequiredDocumentsChecklist checklist={checklist} />
      <Card title="Реестр документов">
        <DocumentsTable rows={rows} organisationId={org.id} canEdit={canEdit} orgQuery={orgQuery} />
      </Card>
      <ArchivedList
        organisationId={org.id}
        canEdit={canEdit}
        restore={restoreDocumentAction}
        zone={(await regionClock(scope.regionId)).zone}
        items={archived.map((d) => ({
          id: d.id,
          name: `${d.number ? `№ ${d.number}` : "без номера"}${d.date ? ` от ${formatDate(d.date)}` : ""} «${d.title}»`,
          detail: DOCUMENT_TYPE_LABELS[d.type],
          archivedAt: d.archivedAt,
        }))}
      />
      {canEdit && (
        <section id="new-document" aria-label="Новый документ" className="mt-6 scroll-mt-6">
          <Card title="Новый документ">
            <DocumentForm
              mode="create"
              initial={{
                organisationId: org.id,
                type: "" as never,
                number: "",
                date: "",
                title: "",
                inForce: true,
                public: true,
              }}
            />
          </Card>
        </section>
      )}
    </>
  );
}
