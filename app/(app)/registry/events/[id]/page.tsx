import { isId } from "@/lib/validation";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ArchiveButton } from "@/components/registry/documents/archive-button";
import { EventForm } from "@/components/registry/events/event-form";
import { RegistryHeader } from "@/components/registry/header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { registryContext, withOrg } from "@/lib/registry/context";
import { archiveEventAction } from "@/lib/registry/events/actions";
import { getEvent } from "@/lib/registry/events/queries";

export const metadata: Metadata = { title: "Мероприятие" };

export default async function EventEditPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("readRegisters"));
  const { scope, org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  const listHref = withOrg("/registry/events", orgQuery);
  if (!canEdit) redirect(listHref);
  const id = Number((await params).id);
  const ev = isId(id) ? await getEvent(scope, id) : null;
  if (!ev) notFound();
  const updatedAt = ev.updatedAt.toISOString();
  return (
    <>
      <RegistryHeader title="Изменение мероприятия" orgName={org.shortName} canEdit={canEdit} />
      <p className="mb-4 text-sm">
        <Link href={listHref} className="text-brand-700 underline">
          ← К ленте мероприятий
        </Link>
      </p>
      <Card
        title={ev.title}
        actions={
          <ArchiveButton
            action={archiveEventAction}
            input={{ id: ev.id, organisationId: org.id, updatedAt }}
            question={`Убрать в архив мероприятие «${ev.title}»? Оно пропадёт из ленты и с публичной страницы.`}
            afterHref={listHref}
          />
        }
      >
        <EventForm
          mode="edit"
          initial={{
            id: ev.id,
            organisationId: org.id,
            updatedAt,
            date: ev.date,
            title: ev.title,
            text: ev.text,
            public: ev.public,
          }}
        />
      </Card>
    </>
  );
}
