import type { Metadata } from "next";
import { and, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { NEXT_FIELD } from "@/lib/actions/next-path";
import { surveyResponses } from "@/db/schema";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { AnswersForm } from "@/components/surveys/answers-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { registryContext, withOrg } from "@/lib/registry/context";
import { fullName } from "@/lib/registry/mentorships/names";
import { getProgramme } from "@/lib/registry/programmes/queries";
import { enterSurveyAnswersAction } from "@/lib/surveys/actions";
import { ROLE_LABEL, STAGE_TITLE, SURVEY_ROLES, SURVEY_STAGES } from "@/lib/surveys/questions";
import { currentQuestionnaire } from "@/lib/surveys/questionnaires";
import { programmeSurveys } from "@/lib/surveys/queries";

export const metadata: Metadata = { title: "Ответы с бумажной анкеты" };

type Props = {
  params: Promise<{ id: string; personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The curator types in a paper questionnaire; earlier answers of the stage are shown to be corrected. */
export default async function SurveyEntryPage({ params, searchParams }: Props) {
  const user = await requireUser(rolesWith("editOrganisation"));
  const query = await searchParams;
  const { scope, org, canEdit, orgQuery } = await registryContext(user, query.org);
  const { id, personId } = await params;
  const role = SURVEY_ROLES.find((r) => r === one(query.role));
  const stage = SURVEY_STAGES.find((s) => s === one(query.stage));
  const p = await getProgramme(scope, Number(id));
  if (!p || !role || !stage || !canEdit || p.archived) notFound();
  const person = (await programmeSurveys(scope, p.id)).find(
    (x) => x.personId === Number(personId) && x.role === role,
  );
  if (!person) notFound();
  const db = await getDb();
  const version = await currentQuestionnaire(db, scope.regionId, role);
  const [earlier] = await db
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.programmeId, p.id),
        eq(surveyResponses.organisationId, scope.id),
        eq(surveyResponses.personId, person.personId),
        eq(surveyResponses.role, role),
        eq(surveyResponses.stage, stage),
      ),
    );
  const back = withOrg(`/registry/programmes/${p.id}/surveys`, orgQuery);
  return (
    <>
      <RegistryHeader
        title={`Анкета ${ROLE_LABEL[role]} ${STAGE_TITLE[stage]}`}
        orgName={org.shortName}
        canEdit={canEdit}
        actions={
          <ButtonLink href={back} variant="secondary">
            К анкетам программы
          </ButtonLink>
        }
      />
      <Card>
        <p className="mb-5 text-sm text-slate-700">
          {fullName(person)} · программа «{p.title}». Перенесите ответы с бумажной анкеты (версия анкеты{" "}
          {version.version}).
          {earlier && " Ответы уже внесены: сохранение заменит их."}
        </p>
        <AnswersForm
          questions={version.questions}
          action={enterSurveyAnswersAction}
          initial={earlier?.answers}
          hidden={{
            programmeId: p.id,
            personId: person.personId,
            role,
            stage,
            questionnaireId: version.id,
            [NEXT_FIELD]: back,
          }}
          submitLabel="Сохранить ответы"
        />
      </Card>
    </>
  );
}
