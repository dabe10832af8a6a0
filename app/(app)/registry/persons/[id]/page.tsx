import { isId } from "@/lib/validation";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { RegistryHeader } from "@/components/registry/header";
import { ArchivePersonButton } from "@/components/registry/persons/archive-button";
import { PersonForm } from "@/components/registry/persons/person-form";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { formatDate } from "@/lib/format";
import { registryContext, withOrg } from "@/lib/registry/context";
import { getPerson } from "@/lib/registry/persons/queries";
import { CATEGORY_LABELS, FORMAT_LABELS } from "@/lib/reports/domain";

export const metadata: Metadata = { title: "Участник" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function PersonPage({ params, searchParams }: Props) {
  const user = await requireUser(rolesWith("readRegisters"));
  const { scope, org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  const id = Number((await params).id);
  const data = isId(id) ? await getPerson(scope, id) : null;
  if (!data) notFound();
  const { person: p, mentor, mentee, pairs } = data;
  const fullName = `${p.surname} ${p.name} ${p.patronymic}`.trim();
  return (
    <>
      <RegistryHeader
        title={fullName}
        orgName={org.shortName}
        canEdit={canEdit}
        actions={canEdit ? <ArchivePersonButton id={p.id} archived={p.archived} /> : null}
      />
      <p className="mb-4 text-sm">
        <Link href={withOrg("/registry/persons", orgQuery)} className="text-brand-700 underline">
          ← Ко всем участникам
        </Link>
        {p.archived && <span className="ml-3 text-amber-900">Запись в архиве.</span>}
      </p>
      <div className="grid gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2" title="Анкета">
          {canEdit ? (
            <PersonForm
              backHref={withOrg("/registry/persons", orgQuery)}
              initial={{
                id: p.id,
                organisationId: org.id,
                updatedAt: p.updatedAt.toISOString(),
                surname: p.surname,
                name: p.name,
                patronymic: p.patronymic,
                birthYear: p.birthYear == null ? "" : String(p.birthYear),
                category: p.category,
                grade: p.grade,
                workplace: p.workplace,
                position: p.position,
                teachingSince: p.teachingSince == null ? "" : String(p.teachingSince),
                phone: p.phone,
                email: p.email,
                isMentor: Boolean(mentor),
                mentor: mentor
                  ? {
                      competencies: mentor.competencies,
                      achievements: mentor.achievements,
                      interests: mentor.interests,
                      preferredMenteeAge: mentor.preferredMenteeAge,
                      timeAvailable: mentor.timeAvailable,
                      capacity: mentor.capacity == null ? "" : String(mentor.capacity),
                      consentDate: mentor.consentDate ?? "",
                      publishName: mentor.publishName,
                    }
                  : undefined,
                isMentee: Boolean(mentee),
                mentee: mentee
                  ? {
                      request: mentee.request,
                      needCategory: mentee.needCategory,
                      consentDate: mentee.consentDate ?? "",
                      representativeEmail: mentee.representativeEmail,
                      hasIndividualRoute: mentee.hasIndividualRoute,
                    }
                  : undefined,
              }}
            />
          ) : (
            <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
              {[
                ["Категория", CATEGORY_LABELS[p.category]],
                ["Год рождения", p.birthYear ?? "—"],
                ["Класс или курс", p.grade || "—"],
                ["Место работы", p.workplace || "—"],
                ["Анкета наставника", mentor ? `есть, согласие ${formatDate(mentor.consentDate)}` : "нет"],
                ["Анкета наставляемого", mentee ? `есть, согласие ${formatDate(mentee.consentDate)}` : "нет"],
                ["Основной запрос", mentee?.request || "—"],
                ["Компетенции наставника", mentor?.competencies || "—"],
                ["Наставляемых одновременно", mentor ? (mentor.capacity ?? "не ограничено") : "—"],
              ].map(([k, v]) => (
                <div key={String(k)}>
                  <dt className="text-slate-600">{k}</dt>
                  <dd className="font-medium text-slate-900">{v}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <Card title={`Пары (${pairs.length})`}>
          {pairs.length === 0 ? (
            <p className="text-sm text-slate-600">
              Участник пока не закреплён ни в одной паре. Закрепление — на странице программы.
            </p>
          ) : (
            <Table caption="Наставнические пары участника">
              <thead>
                <tr>
                  <Th>Программа</Th>
                  <Th>Роль и пара</Th>
                  <Th>Сроки</Th>
                </tr>
              </thead>
              <tbody>
                {pairs.map((m) => (
                  <tr key={m.id}>
                    <Td>
                      <Link
                        href={withOrg(`/registry/programmes/${m.programmeId}`, orgQuery)}
                        className="text-brand-700 hover:underline"
                      >
                        {m.programme}
                      </Link>
                      <div className="text-xs text-slate-600">{FORMAT_LABELS[m.format]}</div>
                    </Td>
                    <Td>
                      {m.asMentor ? "наставник для " : "наставляемый у "}
                      {m.otherSurname} {m.otherName.charAt(0)}.
                      {m.otherPatronymic ? ` ${m.otherPatronymic.charAt(0)}.` : ""}
                    </Td>
                    <Td className="text-sm whitespace-nowrap">
                      {m.endDate
                        ? `${formatDate(m.entryDate)} — ${formatDate(m.endDate)}`
                        : `с ${formatDate(m.entryDate)}`}
                      {m.completed && <div className="text-xs text-green-800">программа пройдена</div>}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
