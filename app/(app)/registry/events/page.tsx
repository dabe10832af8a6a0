import type { Metadata } from "next";
import { ArchivedList } from "@/components/registry/archived-list";
import { EventForm } from "@/components/registry/events/event-form";
import { EventsList } from "@/components/registry/events/events-list";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { registryContext } from "@/lib/registry/context";
import { regionClock } from "@/lib/territory/clock";
import { restoreEventAction } from "@/lib/registry/events/actions";
import { listArchivedEvents, listEvents } from "@/lib/registry/events/queries";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Мероприятия" };

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("readRegisters"));
  const params = await searchParams;
  const { scope, org, canEdit, orgQuery } = await registryContext(user, params.org);
  const pageParam = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const [page, archived] = await Promise.all([
    listEvents(scope, Number.isInteger(pageParam) ? pageParam : 1),
    listArchivedEvents(scope),
  ]);
  return (
    <>
      <RegistryHeader
        title="Мероприятия"
        orgName={org.shortName}
        canEdit={canEdit}
        actions={canEdit ? <ButtonLink href="#new-event">Добавить мероприятие</ButtonLink> : undefined}
      />
      <Card title={`Лента мероприятий${page.total ? ` (${page.total})` : ""}`}>
        <EventsList page={page} organisationId={org.id} canEdit={canEdit} orgQuery={orgQuery} />
      </Card>
      <ArchivedList
        organisationId={org.id}
        canEdit={canEdit}
        restore={restoreEventAction}
        zone={(await regionClock(scope.regionId)).zone}
        items={archived.map((e) => ({
          id: e.id,
          name: `«${e.title}»`,
          detail: formatDate(e.date),
          archivedAt: e.archivedAt,
        }))}
      />
      {canEdit && (
        <section id="new-event" aria-label="Новое мероприятие" className="mt-6 scroll-mt-6">
          <Card title="Новое мероприятие">
            <EventForm
              mode="create"
              initial={{ organisationId: org.id, date: "", title: "", text: "", public: true }}
            />
          </Card>
        </section>
      )}
    </>
  );
}
