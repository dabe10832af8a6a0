import Link from "next/link";
import { Card, PageTitle, Stat } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/roles";
import type { RegisterOrg } from "@/lib/auth/scoped";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import { organisationCard, registerSizes, requiredDocumentsStatus } from "@/lib/organisations/queries";
import { periodLabel } from "@/lib/reports/domain";
import { periodStatuses } from "@/lib/reports/queries";
import { periodReturnNotes, returnKey } from "@/lib/reports/returns";
import { ReturnNoteView } from "@/components/reports/return-note";
import { formatDate } from "@/lib/format";
import { regionClock } from "@/lib/territory/clock";
import { StatusBadge } from "./status-badge";

export async function CuratorHome({ user, scope }: { user: SessionUser; scope: RegisterOrg }) {
  const { org, municipality } = await organisationCard(scope);
  const clock = await regionClock(scope.regionId);
  const period = clock.quarter();
  const [sizes, docs, statuses, notes] = await Promise.all([
    registerSizes(scope),
    requiredDocumentsStatus(scope),
    periodStatuses(user, period),
    periodReturnNotes([scope.id], period),
  ]);
  const returned = notes.get(returnKey(scope.id, period));
  const status = statuses.rows[0]?.status ?? "not_started";
  return (
    <>
      <PageTitle subtitle={`${municipality.name} · ${org.fullName}`}>{org.shortName}</PageTitle>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
        <Stat label="Участников в реестре" value={sizes.persons} />
        <Stat label="Наставников" value={sizes.mentors} />
        <Stat label="Наставляемых" value={sizes.mentees} />
        <Stat label="Программ" value={sizes.programmes} />
        <Stat label="Действующих пар" value={sizes.activeMentorships} />
      </div>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Card title={`Отчёт за ${periodLabel(period)}`}>
          <p className="flex items-center gap-2">
            Статус: <StatusBadge status={status} />
          </p>
          {returned && <ReturnNoteView note={returned} zone={clock.zone} />}
          <p className="mt-2 text-sm text-slate-600">Срок сдачи: {formatDate(statuses.deadline)}</p>
          {!statuses.open && (
            <p className="mt-2 text-sm text-amber-900">
              Приём отчётов за этот период закрыт или ещё не открыт администратором региона.
            </p>
          )}
          <Link
            href={`/reports/${org.id}/${period.year}-${period.quarter}`}
            className="bg-brand-600 hover:bg-brand-700 mt-3 inline-block rounded-md px-4 py-2 text-sm font-medium text-white"
          >
            {status === "not_started" && statuses.open ? "Начать отчёт" : "Открыть отчёт"}
          </Link>
        </Card>
        <Card title="Документы и куратор">
          {docs.missing.length === 0 ? (
            <p className="text-green-800">Все четыре обязательных документа действуют.</p>
          ) : (
            <>
              <p className="text-amber-900">Не хватает обязательных документов:</p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {docs.missing.map((t) => (
                  <li key={t}>{DOCUMENT_TYPE_LABELS[t]}</li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-2 text-sm">
            {docs.curatorAppointed
              ? `Куратор назначен: ${org.curatorName || "приказ есть"}`
              : "Куратор не назначен"}
          </p>
          <Link href={`/orgs/${org.id}`} className="text-brand-700 mt-3 inline-block text-sm underline">
            Карточка организации
          </Link>
        </Card>
      </div>
    </>
  );
}
