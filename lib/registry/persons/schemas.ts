import { z } from "zod";
import { formNumber, numeric, zBool, zId } from "@/lib/validation";
import { latestToday } from "@/lib/clock";
import { PERSON_CATEGORIES } from "@/lib/reports/domain";

const text = (label: string, max = 300) =>
  z.string().trim().max(max, `${label}: не длиннее ${max} символов.`);
const optionalDate = (label: string) =>
  z.union([z.literal(""), z.iso.date(`${label}: укажите дату в формате ДД.ММ.ГГГГ.`)]).default("");
const thisYear = () => Number(latestToday().slice(0, 4));
const optionalYear = (label: string, min: number) =>
  z.union([
    z.literal(""),
    numeric(
      z
        .number({ message: `${label}: введите год числом, например 2011.` })
        .int(`${label}: введите год числом, например 2011.`)
        .min(min, `${label}: не раньше ${min} года.`)
        .refine((y) => y <= thisYear(), `${label}: год ещё не наступил.`),
    ),
  ]);

/** Learners (pupils, college students) are minors or young adults: their birth year is always known. */
export const LEARNER_CATEGORIES = ["pupil", "college_student"] as const;

/** Whether a person born in `birthYear` is under 18 this year (the register keeps only the year). */
export function isMinor(birthYear: number | "" | null | undefined, year = thisYear()): boolean {
  return typeof birthYear === "number" && year - birthYear < 18;
}

/** Whose written consent a participant's data needs: a legal representative's below 18, their own from 18. */
export function consentLabel(role: "наставника" | "наставляемого", minor: boolean): string {
  return minor ? `Дата согласия законного представителя ${role}` : `Дата письменного согласия ${role}`;
}

function consentRequired(role: "наставника" | "наставляемого", minor: boolean): string {
  return minor
    ? `${consentLabel(role, true)}: обязательна — участнику нет 18 лет.`
    : `${consentLabel(role, false)}: без согласия на обработку персональных данных сохранить нельзя.`;
}

/** The person's texts as the form, its actions and the register import check them. */
export const personFields = {
  surname: text("Фамилия", 100).min(1, "Фамилия: обязательное поле."),
  name: text("Имя", 100).min(1, "Имя: обязательное поле."),
  patronymic: text("Отчество", 100).default(""),
  workplace: text("Место работы или учёбы", 300).default(""),
};

/** The mentor's questionnaire (the form and the import of the mentors register). */
export const mentorFields = {
  competencies: text("Основные компетенции", 1000).default(""),
  achievements: text("Достижения", 1000).default(""),
  interests: text("Интересы", 1000).default(""),
  preferredMenteeAge: text("Желаемый возраст наставляемых", 100).default(""),
  timeAvailable: text("Ресурс времени", 200).default(""),
};

/** The most mentees a mentor may lead at once (the mentor's card); empty = not set, no limit. */
export const MAX_CAPACITY = 30;
const capacityMessage = `Сколько наставляемых одновременно: целое число от 1 до ${MAX_CAPACITY}.`;
export const mentorCapacity = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : formNumber(v)),
  z
    .number({ message: capacityMessage })
    .int(capacityMessage)
    .min(1, capacityMessage)
    .max(MAX_CAPACITY, capacityMessage)
    .nullable(),
);

/** The mentee's questionnaire (the form and the import of the mentees register). */
export const menteeFields = {
  request: text("Основной запрос", 1000).default(""),
  needCategory: text("Категория запроса", 200).default(""),
};

/** A register entry: the person, and optionally their mentor and mentee questionnaires. One schema for both sides. */
export const personSchema = z
  .object({
    id: zId().optional(),
    organisationId: zId(),
    updatedAt: z.string().optional(),
    ...personFields,
    birthYear: optionalYear("Год рождения", 1930).default(""),
    category: z.enum(PERSON_CATEGORIES, { message: "Категория: выберите из списка." }),
    grade: text("Класс или курс", 30).default(""),
    position: text("Должность или специальность", 200).default(""),
    teachingSince: optionalYear("Год начала педагогической работы", 1950).default(""),
    phone: text("Телефон", 50).default(""),
    email: z
      .union([z.literal(""), z.string().trim().email("Электронная почта: введите адрес полностью.")])
      .default(""),
    isMentor: zBool,
    mentor: z
      .object({
        ...mentorFields,
        capacity: mentorCapacity,
        consentDate: optionalDate("Дата согласия наставника"),
        publishName: zBool,
      })
      .default({
        competencies: "",
        achievements: "",
        interests: "",
        preferredMenteeAge: "",
        timeAvailable: "",
        capacity: null,
        consentDate: "",
        publishName: false,
      }),
    isMentee: zBool,
    mentee: z
      .object({
        ...menteeFields,
        consentDate: optionalDate("Дата согласия"),
        /** Where a minor's questionnaire links go (lib/surveys), instead of the child's own address. */
        representativeEmail: z
          .union([
            z.literal(""),
            z
              .string()
              .trim()
              .max(200, "Контакт законного представителя: не длиннее 200 символов.")
              .email(
                "Контакт законного представителя: введите адрес электронной почты полностью, например ivanova@mail.ru.",
              ),
          ])
          .default(""),
        hasIndividualRoute: zBool,
      })
      .default({
        request: "",
        needCategory: "",
        consentDate: "",
        representativeEmail: "",
        hasIndividualRoute: false,
      }),
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const learner = (LEARNER_CATEGORIES as readonly string[]).includes(v.category);
    if (learner && v.birthYear === "")
      issue(["birthYear"], "Год рождения: обязателен для обучающихся и студентов.");
    if (
      v.category === "teacher" &&
      v.teachingSince !== "" &&
      v.birthYear !== "" &&
      v.teachingSince < v.birthYear + 16
    ) {
      issue(["teachingSince"], "Год начала педагогической работы: не может быть раньше 16 лет.");
    }
    // 152-ФЗ: every participant's personal data is kept on a written consent — the person's own from 18,
    // a legal representative's below 18, in either role.
    const minor = isMinor(v.birthYear);
    if (v.isMentor && !v.mentor.consentDate)
      issue(["mentor", "consentDate"], consentRequired("наставника", minor));
    if (v.isMentor && v.mentor.publishName && minor)
      issue(["mentor", "publishName"], "Публикация имени: возможна только для совершеннолетнего наставника.");
    if (v.isMentee && !v.mentee.consentDate)
      issue(["mentee", "consentDate"], consentRequired("наставляемого", minor));
    for (const [path, date] of [
      [["mentor", "consentDate"], v.mentor.consentDate],
      [["mentee", "consentDate"], v.mentee.consentDate],
    ] as const) {
      if (date && date > latestToday()) issue([...path], "Дата согласия: не может быть в будущем.");
    }
  });

export type PersonInput = z.input<typeof personSchema>;
export type PersonValues = z.output<typeof personSchema>;

export const archivePersonSchema = z.object({
  id: zId(),
  archived: zBool,
});
