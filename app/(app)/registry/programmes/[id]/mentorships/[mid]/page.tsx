import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/registry/documents/archive-button";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { EditMentorshipForm } from "@/components/registry/mentorships/edit-form";
import { PairStatus } from "@/components/registry/mentorships/pairs-table";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { formatDate } from "@/lib/format";
import { registryContext, withOrg } from "@/lib/registry/context";
import { archiveMentorshipAction } from "@/lib/registry/mentorships/actions";
import { fullName } from "@/lib/registry/mentorships/names";
import { getMentorship } from "@/lib/registry/mentorships/queries";
import { getProgramme } from "@/lib/registry/programmes/queries";

export const metadata: Metadata = { title: "Наставническая пара" };

type Props = {
  params: Promise<{ id: string; mid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function ExternalLink({ href }: { href: string }) {
  if (!href) return <>—</>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="text-brand-700 break-all hover:underline"
    >
      {href}
    </a>
  );
}

export default async function MentorshipPage({ params, searchParams }: Props) {
  const user = await requireUser(rolesWith("readRegisters"));
  const { scope, org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  const { id, mid } = await params;
  const programme = await getProgramme(scope, Number(id));
  const m = programme ? await getMentorship(scope, programme.id, Number(mid)) : null;
  if (!programme || !m) notFound();
  const editable = canEdit && !m.archived && !programme.archived;
  const programmeHref = withOrg(`/registry/programmes/${programme.id}`, orgQuery);
  const facts: [string, React.ReactNode][] = [
    ["Программа", programme.title],
    ["Наставник", fullName(m.mentor)],
    ["Наставляемый", `${fullName(m.mentee)}${m.mentee.grade ? `, ${m.mentee.grade}` : ""}`],
    ["Дата вступления", formatDate(m.entryDate)],
    ["Состояние", <PairStatus key="s" pair={m} />],
  ];
  const details: [string, React.ReactNode][] = [
    ["Дата окончания", formatDate(m.endDate)],
    ["Результат", m.result || "—"],
    ["Кейс или отзыв наставника", <ExternalLink key="a" href={m.mentorReviewUrl} />],
    ["Отзыв наставляемого", <ExternalLink key="b" href={m.menteeReviewUrl} />],
    ["Приказ о закреплении", m.orderNumber ? `№ ${m.orderNumber} от ${formatDate(m.orderDate)}` : "—"],
  ];
  return (
    <>
      <RegistryHeader
        title="Наставническая пара"
        orgName={org.shortName}
        canEdit={canEdit}
        actions={
          <>
            <ButtonLink href={programmeHref} variant="secondary">
              К программе
            </ButtonLink>
            {editable && (
              <ArchiveButton
                action={archiveMentorshipAction}
                input={{ id: m.id, updatedAt: m.updatedAt.toISOString() }}
                question="Убрать пару в архив? Она перестанет учитываться в отчётах. Так поступают с парой, внесённой по ошибке; закончившуюся пару лучше отметить завершённой."
                label="Пару в архив"
                afterHref={programmeHref}
              />
            )}
          </>
        }
      />
      <Card className="mb-6">
        <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-3">
          {(editable ? facts : [...facts, ...details]).map(([k, v]) => (
            <div key={k}>
              <dt className="text-slate-600">{k}</dt>
              <dd className="font-medium whitespace-pre-line text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {editable && (
        <Card title="Итоги и приказ">
          <EditMentorshipForm
            initial={{
              id: m.id,
              updatedAt: m.updatedAt.toISOString(),
              endDate: m.endDate ?? "",
              result: m.result,
              mentorReviewUrl: m.mentorReviewUrl,
              menteeReviewUrl: m.menteeReviewUrl,
              completed: m.completed,
              orderNumber: m.orderNumber,
              orderDate: m.orderDate ?? "",
            }}
          />
        </Card>
      )}
    </>
  );
}
