import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { LinkButton, RevokeButton } from "@/components/surveys/link-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { formatDate } from "@/lib/format";
import { registryContext, withOrg } from "@/lib/registry/context";
import { fullName } from "@/lib/registry/mentorships/names";
import { getProgramme } from "@/lib/registry/programmes/queries";
import { createSurveyLinkAction, revokeSurveyLinkAction } from "@/lib/surveys/actions";
import { SURVEY_STAGES, type SurveyStage } from "@/lib/surveys/questions";
import { programmeSurveys, type SurveyParticipant } from "@/lib/surveys/queries";

export const metadata: Metadata = { title: "Анкеты участников программы" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const dateOf = (d: Date) => formatDate(d.toISOString().slice(0, 10));

function StageCell(props: {
  p: SurveyParticipant;
  stage: SurveyStage;
  programmeId: number;
  canEdit: boolean;
  entryHref: string;
}) {
  const { p, stage, programmeId, canEdit, entryHref } = props;
  const s = p.stages[stage];
  const target = { programmeId, personId: p.personId, role: p.role, stage };
  return (
    <div className="space-y-1.5">
      {s.answered ? (
        <Badge tone="green">
          Заполнена {s.answered.source === "paper" ? "с бумаги" : "по ссылке"} {dateOf(s.answered.at)}
        </Badge>
      ) : s.link ? (
        <Badge tone="blue">Ссылка выдана, до {dateOf(s.link.expiresAt)}</Badge>
      ) : (
        <Badge tone="grey">Не заполнена</Badge>
      )}
      {canEdit && (
        <div className="flex flex-wrap items-start gap-1.5">
          <Link href={entryHref} className="text-brand-700 text-xs font-medium underline">
            {s.answered ? "Исправить ответы" : "Внести с бумаги"}
          </Link>
          {!s.answered && (
            <>
              {s.link && <RevokeButton action={revokeSurveyLinkAction} id={s.link.id} />}
              {p.minor && !p.hasRepresentative ? (
                <span className="text-xs text-slate-600">
                  Нет 18 лет: ссылка — только законному представителю (нужна его почта в карточке)
                </span>
              ) : (
                <LinkButton
                  action={createSurveyLinkAction}
                  target={target}
                  label={s.link ? "Новая ссылка" : "Ссылка на анкету"}
                />
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** The programme's participants with their questionnaires before and after (seed 001 §7.2). */
export default async function ProgrammeSurveysPage({ params, searchParams }: Props) {
  const user = await requireUser(rolesWith("readRegisters"));
  const { scope, org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  const p = await getProgramme(scope, Number((await params).id));
  if (!p) notFound();
  const editable = canEdit && !p.archived;
  const people = await programmeSurveys(scope, p.id);
  const done = (stage: SurveyStage) => people.filter((x) => x.stages[stage].answered).length;
  return (
    <>
      <RegistryHeader
        title={`Анкеты участников: ${p.title}`}
        orgName={org.shortName}
        canEdit={canEdit}
        actions={
          <>
            <ButtonLink href={withOrg(`/registry/programmes/${p.id}`, orgQuery)} variant="secondary">
              К программе
            </ButtonLink>
            <ButtonLink href="/surveys" variant="secondary">
              Итоги анкет
            </ButtonLink>
          </>
        }
      />
      <Card>
        <p className="mb-4 text-sm text-slate-700">
          Каждый участник отвечает на анкету дважды: до входа в программу и по её итогам. Ответы можно внести
          с бумажной анкеты или выдать участнику одноразовую ссылку (вход не нужен, действует 14 дней). Ссылку
          наставляемого младше 18 лет получает только законный представитель. Заполнено: до — {done("before")}
          , после — {done("after")} из {people.length}.
        </p>
        {people.length === 0 ? (
          <p className="text-sm text-slate-600">В программе пока нет наставнических пар.</p>
        ) : (
          <Table caption="Анкеты участников" region>
            <thead>
              <tr>
                <Th>Участник</Th>
                <Th>Роль</Th>
                {SURVEY_STAGES.map((stage) => (
                  <Th key={stage}>{stage === "before" ? "Анкета до" : "Анкета после"}</Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {people.map((x) => (
                <tr key={`${x.role}-${x.personId}`} className="border-b border-slate-100 align-top">
                  <Td>
                    {fullName(x)}
                    {x.minor && <span className="ml-1 text-xs text-slate-500">(нет 18 лет)</span>}
                  </Td>
                  <Td>{x.role === "mentor" ? "Наставник" : "Наставляемый"}</Td>
                  {SURVEY_STAGES.map((stage) => (
                    <Td key={stage}>
                      <StageCell
                        p={x}
                        stage={stage}
                        programmeId={p.id}
                        canEdit={editable}
                        entryHref={withOrg(
                          `/registry/programmes/${p.id}/surveys/${x.personId}?role=${x.role}&stage=${stage}`,
                          orgQuery,
                        )}
                      />
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
