import { isId } from "@/lib/validation";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ArchiveButton } from "@/components/registry/documents/archive-button";
import { DocumentForm } from "@/components/registry/documents/document-form";
import { RegistryHeader } from "@/components/registry/header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { registryContext, withOrg } from "@/lib/registry/context";
import { archiveDocumentAction } from "@/lib/registry/documents/actions";
import { getDocument } from "@/lib/registry/documents/queries";

export const metadata: Metadata = { title: "Документ" };

export default async function DocumentEditPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("readRegisters"));
  const { scope, org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  const listHref = withOrg("/registry/documents", orgQuery);
  if (!canEdit) redirect(listHref);
  const id = Number((await params).id);
  const doc = isId(id) ? await getDocument(scope, id) : null;
  if (!doc) notFound();
  const updatedAt = doc.updatedAt.toISOString();
  return (
    <>
      <RegistryHeader title="Изменение документа" orgName={org.shortName} canEdit={canEdit} />
      <p className="mb-4 text-sm">
        <Link href={listHref} className="text-brand-700 underline">
          ← К реестру документов
        </Link>
      </p>
      <Card
        title={doc.title}
        actions={
          <ArchiveButton
            action={archiveDocumentAction}
            input={{ id: doc.id, organisationId: org.id, updatedAt }}
            question={`Убрать в архив документ «${doc.title}»? Он пропадёт из реестра и с публичной страницы.`}
            afterHref={listHref}
          />
        }
      >
        <DocumentForm
          mode="edit"
          fileName={doc.fileName}
          initial={{
            id: doc.id,
            organisationId: org.id,
            updatedAt,
            type: doc.type,
            number: doc.number,
            date: doc.date ?? "",
            title: doc.title,
            inForce: doc.inForce,
            public: doc.public,
          }}
        />
      </Card>
    </>
  );
}
