import { z } from "zod";
import { zBool, zCount, zId } from "@/lib/validation";

const count = (label: string) => zCount(label);
const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label}: не длиннее ${max} символов.`);

export const periodSchema = z
  .string()
  .regex(/^\d{4}-[1-4]$/, "Период: укажите год и квартал, например 2026-4.")
  .transform((v) => ({ year: Number(v.slice(0, 4)), quarter: Number(v.slice(5)) }));

export const form1InputSchema = z.object({
  directorName: text("ФИО директора", 200),
  phone: text("Телефон", 50),
  email: text("Электронная почта", 200),
  address: text("Почтовый адрес", 500),
  learners10to18: count("Обучающихся 10–18 лет"),
  teachingStaff: count("Педагогических работников"),
  youngTeachers: count("Молодых специалистов"),
  curatorName: text("Куратор", 200),
});

export const rowSchema = z.object({
  programmeId: z.catch(z.nullable(zId()), null),
  title: text("Название программы", 300),
  mentors: count("Наставников"),
  mentees: count("Наставляемых"),
  result: text("Результат", 2000).default(""),
  youngTeachers: z.optional(count("Молодых специалистов")),
  withRoute: z.optional(count("С ИОМ")),
  mentorDetails: text("Сведения о наставниках", 1000).optional(),
});

const formSchema = z.object({
  rows: z.array(rowSchema).max(500, "Не больше 500 строк в форме."),
  distinctMentors: count("Наставников без повторов"),
  distinctMentees: count("Наставляемых без повторов"),
});

export const formsSchema = z.object({
  form2: formSchema,
  form3: formSchema,
  form4: formSchema,
  form5: formSchema,
  other: formSchema,
});

export const summarySchema = z.object({
  learnerMentees: count("Обучающихся — наставляемых"),
  learnerMentors: count("Обучающихся — наставников"),
  teacherMentors: count("Педагогов — наставников"),
  youngTeacherMentees: count("Молодых специалистов — наставляемых"),
  youngTeachersWithRoute: count("Молодых специалистов с ИОМ"),
  learnersAny: count("Обучающихся в любой роли"),
  teachersAny: count("Педагогов в любой роли"),
  activeProgrammes: count("Программ"),
});

const ref = {
  reportId: zId(),
  version: zId(),
};

/** Saving a draft: form 1 always; rows and totals only when the report is typed by hand. */
export const saveReportSchema = z
  .object({
    ...ref,
    mode: z.enum(["register", "manual"]),
    form1: form1InputSchema,
    forms: formsSchema.optional(),
    summary: summarySchema.optional(),
  })
  .refine((v) => v.mode === "register" || (v.forms && v.summary), {
    message: "Для ручного ввода заполните строки форм и итоги.",
    path: ["forms"],
  });

export const createReportSchema = z.object({
  organisationId: zId(),
  period: periodSchema,
});
export const submitReportSchema = z.object({ ...ref, acknowledgeWarnings: zBool });
export const reviewReportSchema = z
  .object({ ...ref, decision: z.enum(["approve", "return"]), comment: text("Комментарий", 2000).default("") })
  .refine((v) => v.decision === "approve" || v.comment.length >= 5, {
    path: ["comment"],
    message: "Комментарий: напишите куратору, что исправить (не короче 5 символов).",
  });
export const reopenReportSchema = z.object({
  ...ref,
  reason: text("Причина", 2000).min(
    5,
    "Причина: укажите, почему отчёт открывается повторно (не короче 5 символов).",
  ),
});

export type SaveReportInput = z.input<typeof saveReportSchema>;
