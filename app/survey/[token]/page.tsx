import type { Metadata } from "next";
import { AnswersForm } from "@/components/surveys/answers-form";
import { submitSurveyAction } from "@/lib/surveys/actions";
import { LINK_INVALID } from "@/lib/surveys/mutations";
import { ROLE_LABEL, STAGE_TITLE } from "@/lib/surveys/questions";
import { surveyLinkView } from "@/lib/surveys/queries";

export const metadata: Metadata = {
  title: "Анкета участника программы наставничества",
  // The token stays off other sites, yet the form's own POST keeps its Origin: with «no-referrer» a browser
  // sends «Origin: null» and the cross-site check refuses the post made without JavaScript.
  referrer: "same-origin",
  robots: { index: false, follow: false },
};

/**
 * Public: a participant's questionnaire opened from a one-time link, without signing in. It shows the questions
 * only — no name, no organisation, no programme — and one message for every link that cannot be used.
 */
export default async function SurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await surveyLinkView(token);
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-brand-700 text-sm font-semibold">Наставник</p>
        {view ? (
          <>
            <h1 className="mt-1 text-xl font-semibold text-slate-900">
              Анкета {ROLE_LABEL[view.role]} {STAGE_TITLE[view.stage]}
            </h1>
            <p className="mt-2 mb-6 text-sm text-slate-600">
              Ответьте, пожалуйста, на вопросы: так организация увидит, что дала программа наставничества.
              Ответы видны только куратору программы; за пределы организации уходят лишь общие цифры без имён.
              Ссылка действует один раз.
            </p>
            <AnswersForm
              questions={view.questions}
              action={submitSurveyAction}
              hidden={{ token }}
              submitLabel="Отправить ответы"
              doneText="Спасибо! Ответы сохранены. Эту страницу можно закрыть."
            />
          </>
        ) : (
          <>
            <h1 className="mt-1 text-xl font-semibold text-slate-900">
              Анкета участника программы наставничества
            </h1>
            <p
              role="alert"
              className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              {LINK_INVALID}
            </p>
          </>
        )}
      </div>
    </main>
  );
}
