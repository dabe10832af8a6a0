import type { Metadata } from "next";
import Link from "next/link";
import { QuestionnaireForm } from "@/components/surveys/questionnaire-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";
import { ROLE_LABEL, SURVEY_ROLES, type SurveyRole } from "@/lib/surveys/questions";
import { readQuestionnaire } from "@/lib/surveys/questionnaires";

export const metadata: Metadata = { title: "Анкеты мониторинга" };

/** Blank rows under the questions: each filled one becomes a new question (works without JavaScript). */
const NEW_ROWS = 2;

/** The admin edits the region's questionnaires (seed 001 §7.4–7.5); each save publishes a new version. */
export default async function QuestionnairesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("administerRegion"));
  const region = await pageScope(scopeAdminRegion(user));
  const role: SurveyRole = (await searchParams).role === "mentor" ? "mentor" : "mentee";
  const current = await readQuestionnaire(await getDb(), region.id, role);
  const rows = [
    ...current.questions.map((q, i) => ({
      id: q.id,
      text: q.text,
      type: q.type,
      options: (q.options ?? []).join("\n"),
      required: q.required,
      order: String(i + 1),
      remove: false,
    })),
    ...Array.from({ length: NEW_ROWS }, (_, k) => ({
      id: "",
      text: "",
      type: "scale10" as const,
      options: "",
      required: true,
      order: String(current.questions.length + k + 1),
      remove: false,
    })),
  ];
  return (
    <>
      <PageTitle subtitle="Участники отвечают на анкету дважды: до входа в программу наставничества и по её итогам (положение о наставничестве, раздел VII). Анкета одна на регион для каждой роли. Сохранение публикует новую версию: ответы, данные раньше, остаются при своей версии.">
        Анкеты мониторинга
      </PageTitle>
      <nav aria-label="Анкета" className="mb-4 flex gap-2">
        {SURVEY_ROLES.map((r) => (
          <Link
            key={r}
            href={`/admin/surveys?role=${r}`}
            aria-current={r === role || undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${r === role ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
          >
            Анкета {ROLE_LABEL[r]}
          </Link>
        ))}
      </nav>
      <Card title={`Анкета ${ROLE_LABEL[role]}: версия ${current.version}`}>
        <QuestionnaireForm
          key={`${role}-${current.version}`}
          initial={{ role, version: current.version, questions: rows }}
        />
      </Card>
    </>
  );
}
