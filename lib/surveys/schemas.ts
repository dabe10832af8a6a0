/** The inputs of the survey actions: one schema for the browser and the server. Pure. */
import { z } from "zod";
import { zBool, zId } from "@/lib/validation";
import { QUESTION_TYPES, SURVEY_ROLES, SURVEY_STAGES, collectAnswers, rawAnswers } from "./questions";

const role = z.enum(SURVEY_ROLES, { message: "Анкета: выберите наставника или наставляемого." });
const stage = z.enum(SURVEY_STAGES, { message: "Анкета: выберите «до» или «после»." });

/** Whose questionnaire, for which stage, in which programme. */
export const surveyTargetSchema = z.object({
  programmeId: zId("Программа не найдена или недоступна."),
  personId: zId("Участник не найден или недоступен."),
  role,
  stage,
});

/** Answers from a paper questionnaire, against the version the form showed. */
export const surveyEntryFields = surveyTargetSchema.extend({
  questionnaireId: zId("Анкета не найдена: обновите страницу."),
  answers: rawAnswers,
});
export const surveyEntrySchema = z.preprocess(collectAnswers, surveyEntryFields);

export const createSurveyLinkSchema = surveyTargetSchema;

export const revokeSurveyLinkSchema = z.object({ id: zId("Ссылка не найдена или недоступна.") });

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** The participant's answers through a one-time link. */
export const surveySubmitFields = z.object({
  token: z.string({ message: "Ссылка недействительна." }).regex(TOKEN_PATTERN, "Ссылка недействительна."),
  answers: rawAnswers,
});
export const surveySubmitSchema = z.preprocess(collectAnswers, surveySubmitFields);

const questionSchema = z.object({
  id: z
    .string()
    .trim()
    .max(40, "Вопрос: неверный код.")
    .regex(/^[A-Za-z0-9_]*$/, "Вопрос: неверный код.")
    .default(""),
  text: z
    .string({ message: "Текст вопроса: обязательное поле." })
    .trim()
    .max(500, "Текст вопроса: не длиннее 500 символов."),
  type: z.enum(QUESTION_TYPES, { message: "Тип вопроса: выберите из списка." }),
  options: z.string().trim().max(2000, "Варианты ответа: не длиннее 2000 символов.").default(""),
  required: zBool,
  order: z
    .union([z.string(), z.number()])
    .transform((v) => (String(v).trim() === "" ? NaN : Number(v)))
    .default(NaN),
  remove: zBool,
});

/** A questionnaire as the admin's form sends it: every row (blank rows are new questions left empty). */
export const questionnaireSchema = z
  .object({
    role,
    /** The version the form was opened on: another admin's newer version is not overwritten. */
    version: z.preprocess(
      (v) => (typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : v),
      z.number({ message: "Анкета: обновите страницу." }).int().min(1).max(1_000_000),
    ),
    questions: z.array(questionSchema).max(60, "Анкета: не больше 60 вопросов."),
  })
  .superRefine((v, ctx) => {
    v.questions.forEach((question, i) => {
      if (question.remove || question.text === "") return;
      if (question.text.length < 5)
        ctx.addIssue({
          code: "custom",
          path: ["questions", i, "text"],
          message: "Текст вопроса: не короче 5 символов.",
        });
      const options = question.options
        .split("\n")
        .map((o) => o.trim())
        .filter(Boolean);
      if (question.type === "choice" && options.length < 2)
        ctx.addIssue({
          code: "custom",
          path: ["questions", i, "options"],
          message: "Варианты ответа: не меньше двух, каждый с новой строки.",
        });
    });
    if (!v.questions.some((question) => !question.remove && question.text !== ""))
      ctx.addIssue({
        code: "custom",
        path: ["questions"],
        message: "В анкете должен остаться хотя бы один вопрос.",
      });
  });

export type QuestionnaireInput = z.input<typeof questionnaireSchema>;
