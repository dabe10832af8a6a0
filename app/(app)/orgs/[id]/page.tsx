import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import { OrganisationCardForm } from "@/components/organisations/card-form";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { canEditOrganisation, canReadRegisters } from "@/lib/auth/scope";
import { scopeOrg } from "@/lib/auth/scoped";
import { DOCUMENT_TYPE_LABELS, ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";
import {
  organisationCard,
  registerSizes,
  REQUIRED_DOCUMENTS,
  requiredDocumentsStatus,
} from "@/lib/organisations/queries";

export const metadata: Metadata = { title: "Организация" };

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  const scope = await pageScope(scopeOrg(user, id, "view"));
  const { org, municipality } = await organisationCard(scope);
  const [sizes, docs] = await Promise.all([
    canReadRegisters(user, scope) ? scopeOrg(user, id, "registers").then(registerSizes) : null,
    requiredDocumentsStatus(scope),
  ]);
  return (
    <>
      <PageTitle subtitle={`${municipality.name} · ${ORGANISATION_KIND_LABELS[org.kind]}`}>
        {org.shortName}
      </PageTitle>
      <nav aria-label="Разделы организации" className="-mt-3 mb-6 flex flex-wrap gap-4 text-sm font-medium">
        {sizes && (
          <Link
            href={user.role === "curator" ? "/registry/persons" : `/registry/persons?org=${org.id}`}
            className="text-brand-700 underline"
          >
            Реестры: участники, программы, документы, мероприятия
          </Link>
        )}
        <Link href={`/reports/${org.id}`} className="text-brand-700 underline">
          Квартальные отчёты
        </Link>
      </nav>
      {sizes && (
        <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-5">
          <Stat label="Участников в реестре" value={sizes.persons} />
          <Stat label="Наставников" value={sizes.mentors} />
          <Stat label="Наставляемых" value={sizes.mentees} />
          <Stat label="Программ" value={sizes.programmes} />
          <Stat label="Действующих пар" value={sizes.activeMentorships} />
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" title="Карточка организации">
          {canEditOrganisation(user, scope) ? (
            <OrganisationCardForm
              initial={{
                id: org.id,
                updatedAt: org.updatedAt.toISOString(),
                fullName: org.fullName,
                shortName: org.shortName,
                address: org.address,
                directorName: org.directorName,
                phone: org.phone,
                email: org.email,
                website: org.website,
                learners10to18: org.learners10to18,
                teachingStaff: org.teachingStaff,
                youngTeachers: org.youngTeachers,
                curatorName: org.curatorName,
                curatorContact: org.curatorContact,
              }}
            />
          ) : (
            <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
              {[
                ["Полное наименование", org.fullName],
                ["Директор", org.directorName],
                ["Адрес", org.address],
                ["Телефон", org.phone],
                ["Электронная почта", org.email],
                ["Сайт", org.website],
                ["Обучающихся 10–18 лет", org.learners10to18],
                ["Педагогических работников", org.teachingStaff],
                ["Молодых специалистов", org.youngTeachers],
                ["Куратор", org.curatorName],
              ].map(([k, v]) => (
                <div key={String(k)}>
                  <dt className="text-slate-600">{k}</dt>
                  <dd className="font-medium text-slate-900">{v === "" ? "—" : v}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <Card title="Обязательные документы">
          <ul className="space-y-2 text-sm">
            {REQUIRED_DOCUMENTS.map((t) => {
              const missing = docs.missing.includes(t);
              return (
                <li key={t} className="flex gap-2">
                  <span aria-hidden className={missing ? "text-red-700" : "text-green-700"}>
                    {missing ? "✗" : "✓"}
                  </span>
                  <span>
                    {DOCUMENT_TYPE_LABELS[t]}
                    <span className="sr-only">{missing ? " — нет" : " — есть"}</span>
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="mt-3 text-sm">
            {docs.curatorAppointed ? "Куратор назначен." : "Куратор не назначен."}
          </p>
        </Card>
      </div>
    </>
  );
}
