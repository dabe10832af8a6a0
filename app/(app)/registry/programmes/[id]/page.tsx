import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgrammePractice } from "@/components/practices/programme-practice";
import { ArchiveButton } from "@/components/registry/documents/archive-button";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { AssignForm } from "@/components/registry/mentorships/assign-form";
import { toMenteeOptions, toMentorOptions } from "@/components/registry/mentorships/candidates";
import { PairsTable } from "@/components/registry/mentorships/pairs-table";
import { EditProgrammeForm } from "@/components/registry/programmes/edit-form";
import { ProgrammeSummary } from "@/components/registry/programmes/programme-summary";
import { Card, Stat } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { reaches, rolesWith } from "@/lib/auth/rules";
import { registryContext, withOrg } from "@/lib/registry/context";
import { FORMAT_PARTIES } from "@/lib/registry/formats";
import { assignCandidates, listProgrammeMentorships } from "@/lib/registry/mentorships/queries";
import { archiveProgrammeAction, restoreProgrammeAction } from "@/lib/registry/programmes/actions";
import { getProgramme, programmeCounts } from "@/lib/registry/programmes/queries";
import { regionClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Программа наставничества" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Today (the region's), or the nearest day inside the programme: the usual entry date of a new pair. */
function defaultEntryDate(start: string, end: string | null, today: string) {
  if (today < start) return start;
  return end && today > end ? end : today;
}

export default async function ProgrammePage({ params, searchParams }: Props) {
  const user = await requireUser(rolesWith("readRegisters"));
  const { scope, org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  const p = await getProgramme(scope, Number((await params).id));
  if (!p) notFound();
  const editable = canEdit && !p.archived;
  const today = (await regionClock(scope.regionId)).today();
  const [counts, pairs, candidates] = await Promise.all([
    programmeCounts(scope, p.id),
    listProgrammeMentorships(scope, p.id),
    editable ? assignCandidates(scope, p.format) : null,
  ]);
  const listHref = withOrg("/registry/programmes", orgQuery);
  return (
    <>
      <RegistryHeader
        title={p.title}
        orgName={org.shortName}
        canEdit={canEdit}
        actions={
          <>
            <ButtonLink href={listHref} variant="secondary">
              К списку программ
            </ButtonLink>
            <ButtonLink href={withOrg(`/registry/programmes/${p.id}/surveys`, orgQuery)} variant="secondary">
              Анкеты участников
            </ButtonLink>
            {editable && (
              <ArchiveButton
                action={archiveProgrammeAction}
                input={{ id: p.id, updatedAt: p.updatedAt.toISOString() }}
                question={`Убрать в архив программу «${p.title}» вместе с её парами (${counts.pairs})? Они перестанут учитываться в отчётах.`}
                label="Программу в архив"
                afterHref={listHref}
              />
            )}
            {canEdit && p.archived && (
              <ArchiveButton
                action={restoreProgrammeAction}
                input={{ id: p.id }}
                question={`Вернуть из архива программу «${p.title}» вместе с парами, убранными в архив вместе с ней?`}
                label="Вернуть из архива"
                restore
              />
            )}
          </>
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Наставников" value={counts.mentors} hint="разных людей" />
        <Stat label="Наставляемых" value={counts.mentees} hint="разных людей" />
        <Stat label="Действующих пар" value={counts.active} hint="на сегодня" />
        <Stat label="Всего пар" value={counts.pairs} hint="без архивных" />
      </div>
      <div className="space-y-6">
        <Card title="Программа">
          <ProgrammeSummary p={p} />
          {editable && (
            <details className="mt-5 border-t border-slate-200 pt-4">
              <summary className="text-brand-700 cursor-pointer font-medium">Изменить программу</summary>
              <div className="mt-4">
                <EditProgrammeForm
                  initial={{
                    id: p.id,
                    updatedAt: p.updatedAt.toISOString(),
                    title: p.title,
                    format: p.format,
                    roleModel: p.roleModel,
                    modes: p.modes,
                    goal: p.goal,
                    expectedResults: p.expectedResults,
                    achievedResults: p.achievedResults,
                    startDate: p.startDate,
                    endDate: p.endDate ?? "",
                    stage: p.stage,
                    bestPracticeProposed: p.bestPracticeProposed,
                  }}
                />
              </div>
            </details>
          )}
        </Card>
        <ProgrammePractice
          p={p}
          user={user}
          canMark={reaches(user, "markBestPractice", { organisationId: scope.id, ...scope })}
        />
        <Card title="Наставнические пары и группы">
          {pairs.length === 0 ? (
            <p className="text-sm text-slate-600">В программе пока нет наставнических пар.</p>
          ) : (
            <PairsTable
              pairs={pairs}
              canEdit={editable}
              hrefOf={(id) => withOrg(`/registry/programmes/${p.id}/mentorships/${id}`, orgQuery)}
            />
          )}
        </Card>
        {candidates && (
          <Card title="Назначить наставника">
            <AssignForm
              programmeId={p.id}
              mentors={toMentorOptions(candidates.mentors, FORMAT_PARTIES[p.format].mentor)}
              mentees={toMenteeOptions(candidates.mentees, FORMAT_PARTIES[p.format].mentee)}
              defaultEntryDate={defaultEntryDate(p.startDate, p.endDate, today)}
              year={Number(today.slice(0, 4))}
            />
          </Card>
        )}
      </div>
    </>
  );
}
