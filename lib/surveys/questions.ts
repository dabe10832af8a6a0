/**
 * The monitoring questionnaires (seed 001 §7.2–7.5): roles, stages, question types, the region's default
 * questions and the check of answers built from a version's questions. Pure: safe in client bundles.
 */
import { z } from "zod";
import type { SurveyQuestion } from "@/db/schema/surveys";

export type { SurveyQuestion };
export const SURVEY_ROLES = ["mentor", "mentee"] as const;
export const SURVEY_STAGES = ["before", "after"] as const;
export const QUESTION_TYPES = ["scale10", "scale5", "yesno", "choice", "text"] as const;
export type SurveyRole = (typeof SURVEY_ROLES)[number];
export type SurveyStage = (typeof SURVEY_STAGES)[number];
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type Answers = Record<string, number | boolean | string>;

export const ROLE_LABEL: Record<SurveyRole, string> = { mentor: "наставника", mentee: "наставляемого" };
export const ROLE_PLURAL: Record<SurveyRole, string> = { mentor: "Наставники", mentee: "Наставляемые" };
export const STAGE_LABEL: Record<SurveyStage, string> = {
  before: "Анкета до",
  after: "Анкета после",
};
/** The stage as the participant reads it on the questionnaire. */
export const STAGE_TITLE: Record<SurveyStage, string> = {
  before: "перед началом программы наставничества",
  after: "по итогам программы наставничества",
};
export const TYPE_LABEL: Record<QuestionType, string> = {
  scale10: "Оценка от 1 до 10",
  scale5: "Оценка от 1 до 5",
  yesno: "Да / нет",
  choice: "Выбор из вариантов",
  text: "Свободный ответ",
};

/** The largest answer of a scale question, or null for other types. */
export function scaleMax(type: QuestionType): number | null {
  return type === "scale10" ? 10 : type === "scale5" ? 5 : null;
}

const q = (id: string, text: string, type: QuestionType, required = true): SurveyQuestion => ({
  id,
  text,
  type,
  required,
});

/**
 * What a region starts with: §7.5 (motivation, results of both sides, the young teacher's inclusion and
 * adaptation, the wish to become a mentor) and §7.4 (projects with the mentee, olympiads, activity).
 */
export const DEFAULT_QUESTIONS: Record<SurveyRole, SurveyQuestion[]> = {
  mentee: [
    q(
      "motivation",
      "Насколько вы мотивированы учиться и развиваться (саморазвитие, самообразование)?",
      "scale10",
    ),
    q("results", "Как вы оцениваете свои образовательные (профессиональные) результаты?", "scale10"),
    q("goals", "Насколько ясно вы представляете свои цели и следующий шаг в учёбе или работе?", "scale10"),
    q(
      "climate",
      "Насколько комфортно вам в коллективе (в классе, группе, педагогическом коллективе)?",
      "scale10",
    ),
    q(
      "adaptation",
      "Для молодых педагогов: насколько успешно проходит ваша адаптация на новом месте работы?",
      "scale10",
      false,
    ),
    q(
      "innovation",
      "Для педагогов: участвуете ли вы в инновационной деятельности организации (проекты, методические объединения, конкурсы)?",
      "yesno",
      false,
    ),
    q("contests", "Участвуете ли вы в олимпиадах, конкурсах, проектах?", "yesno"),
    q("becomeMentor", "Хотели бы вы сами стать наставником в ближайшем будущем?", "yesno"),
    q("comment", "Что для вас самое важное в программе наставничества?", "text", false),
  ],
  mentor: [
    q("motivation", "Насколько вы мотивированы заниматься наставничеством?", "scale10"),
    q("results", "Как вы оцениваете собственные образовательные (профессиональные) результаты?", "scale10"),
    q("confidence", "Насколько уверенно вы чувствуете себя в роли наставника?", "scale10"),
    q(
      "menteeProgress",
      "Как вы оцениваете успехи наставляемого (успеваемость, активность, адаптация)?",
      "scale10",
    ),
    q("projects", "Реализуете ли вы с наставляемым образовательные или культурные проекты?", "yesno"),
    q("olympiads", "Участвует ли наставляемый в олимпиадах, конкурсах, проектах?", "yesno"),
    q("again", "Готовы ли вы быть наставником в следующей программе?", "yesno"),
    q("difficulties", "Какие трудности вы видите (или ожидаете) в работе с наставляемым?", "text", false),
  ],
};

/** «Вопрос 3» — how a refusal names a question (the form shows numbers). */
const label = (index: number) => `Вопрос ${index + 1}`;

/** A blank answer (nothing chosen, an empty text) is no answer. */
function blank(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" && v.trim() === "") return undefined;
  return v;
}

function answerSchema(question: SurveyQuestion, index: number): z.ZodType {
  const name = label(index);
  const max = scaleMax(question.type);
  let schema: z.ZodType;
  if (max) {
    const message = `${name}: выберите оценку от 1 до ${max}.`;
    schema = z.preprocess(
      (v) => (typeof v === "string" && /^\d{1,2}$/.test(v.trim()) ? Number(v.trim()) : v),
      z.number({ message }).int(message).min(1, message).max(max, message),
    );
  } else if (question.type === "yesno") {
    const message = `${name}: ответьте «да» или «нет».`;
    schema = z.preprocess(
      (v) => (v === "yes" || v === "true" ? true : v === "no" || v === "false" ? false : v),
      z.boolean({ message }),
    );
  } else if (question.type === "choice") {
    const options = question.options ?? [];
    schema = z
      .string({ message: `${name}: выберите вариант из списка.` })
      .refine((v) => options.includes(v), {
        message: `${name}: выберите вариант из списка.`,
      });
  } else {
    schema = z
      .string({ message: `${name}: ответ должен быть текстом.` })
      .trim()
      .max(2000, `${name}: не длиннее 2000 символов.`);
  }
  const required = `${name}: обязательный вопрос — ответьте на него.`;
  return z.preprocess(
    blank,
    question.required
      ? z
          .any()
          .refine((v) => v !== undefined, required)
          .pipe(schema)
      : schema.optional(),
  );
}

/** The check of a version's answers: keyed by question id, each with its question's number in the message. */
export function answersSchema(questions: SurveyQuestion[]) {
  return z
    .object(Object.fromEntries(questions.map((question, i) => [question.id, answerSchema(question, i)])))
    .transform((v) => Object.fromEntries(Object.entries(v).filter(([, a]) => a !== undefined)) as Answers);
}

/** The answers as FormData and a plain object carry them: `answers.<question id>` or `{ answers: {…} }`. */
export function collectAnswers(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const input = raw as Record<string, unknown>;
  const answers: Record<string, unknown> =
    input.answers && typeof input.answers === "object" && !Array.isArray(input.answers)
      ? { ...(input.answers as Record<string, unknown>) }
      : {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith("answers.")) answers[key.slice(8)] = value;
    else if (key !== "answers") rest[key] = value;
  }
  return { ...rest, answers };
}

/** Raw answers before the version's check: at most 100 keys of short ids. */
export const rawAnswers = z
  .record(
    z.string().max(40, "Анкета: неизвестный вопрос."),
    z.union(
      [z.string().max(5000, "Ответ слишком длинный."), z.number(), z.boolean(), z.null(), z.undefined()],
      {
        message: "Анкета: ответ должен быть числом, текстом или «да»/«нет».",
      },
    ),
    { message: "Анкета: ответы не получены." },
  )
  .refine((v) => Object.keys(v).length <= 100, "Анкета: слишком много ответов.");
