import type { Metadata } from "next";
import { FormSuccess } from "@/components/forms/field";

export const metadata: Metadata = {
  title: "Анкета отправлена",
  robots: { index: false, follow: false },
};

/** Public: where a questionnaire sent without JavaScript lands (lib/surveys/actions.ts). Names nothing. */
export default function SurveyDonePage() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-brand-700 text-sm font-semibold">Наставник</p>
        <h1 className="mt-1 mb-4 text-xl font-semibold text-slate-900">
          Анкета участника программы наставничества
        </h1>
        <FormSuccess message="Спасибо! Ответы сохранены. Эту страницу можно закрыть." />
      </div>
    </main>
  );
}
