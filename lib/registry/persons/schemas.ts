// zod/mini (as lib/validation): this schema checks the person form in the browser; mini's wrappers keep that
// page ~5 KB lighter than the classic API (zod's core comes either way).
import * as z from "zod/mini";
import { formNumber, fromForm, numeric, zBool, zId } from "@/lib/validation";
import { latestToday } from "@/lib/clock";
import { PERSON_CATEGORIES } from "@/lib/reports/domain";

const text = (label: string, max = 300) =>
  z.string().check(z.trim(), z.maxLength(max, `${label}: не длиннее ${max} символов.`));
/** A text field that may stay empty. */
const optionalText = (label: string, max = 300) => z._default(text(label, max), "");
// A union whose every option refuses the value says only «Invalid input»: each union here names its field's
// message for that case too (a fractional year, a number where a date goes). In the browser the form's resolver
// shows the first message of the closest option instead of the union's: the empty option names it as well.
const optionalDate = (label: string) => {
  const message = `${label}: укажите дату в формате ДД.ММ.ГГГГ.`;
  return z._default(z.union([z.literal("", { message }), z.iso.date(message)], { message }), "");
};
/** An empty field, or an e-mail address (trimmed first; `tooLong` names the limit of 200 characters). */
const optionalEmail = (message: string, tooLong?: string) =>
  z._default(
    z.pipe(
      z.string().check(z.trim(), ...(tooLong ? [z.maxLength(200, tooLong)] : [])),
      z.union([z.literal(""), z.email(message)]),
    ),
    "",
  );
const thisYear = () => Number(latestToday().slice(0, 4));
const optionalYear = (label: string, min: number) => {
  const message = `${label}: введите год числом, например 2011.`;
  return z.union(
    [
      z.literal("", { message }),
      numeric(
        z.int({ message }).check(
          z.minimum(min, `${label}: не раньше ${min} года.`),
          z.refine((y: number) => y <= thisYear(), `${label}: год ещё не наступил.`),
        ),
      ),
    ],
    { message },
  );
};

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
  surname: text("Фамилия", 100).check(z.minLength(1, "Фамилия: обязательное поле.")),
  name: text("Имя", 100).check(z.minLength(1, "Имя: обязательное поле.")),
  patronymic: optionalText("Отчество", 100),
  workplace: optionalText("Место работы или учёбы", 300),
};

/** The mentor's questionnaire (the form and the import of the mentors register). */
export const mentorFields = {
  competencies: optionalText("Основные компетенции", 1000),
  achievements: optionalText("Достижения", 1000),
  interests: optionalText("Интересы", 1000),
  preferredMenteeAge: optionalText("Желаемый возраст наставляемых", 100),
  timeAvailable: optionalText("Ресурс времени", 200),
};

/** The most mentees a mentor may lead at once (the mentor's card); empty = not set, no limit. */
export const MAX_CAPACITY = 30;
const capacityMessage = `Сколько наставляемых одновременно: целое число от 1 до ${MAX_CAPACITY}.`;
export const mentorCapacity = fromForm(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : formNumber(v)),
  z.nullable(
    z
      .int({ message: capacityMessage })
      .check(z.minimum(1, capacityMessage), z.maximum(MAX_CAPACITY, capacityMessage)),
  ),
);

/** The mentee's questionnaire (the form and the import of the mentees register). */
export const menteeFields = {
  request: optionalText("Основной запрос", 1000),
  needCategory: optionalText("Категория запроса", 200),
};

/** A register entry: the person, and optionally their mentor and mentee questionnaires. One schema for both sides. */
export const personSchema = z
  .object({
    id: z.optional(zId()),
    organisationId: zId(),
    updatedAt: z.optional(z.string()),
    ...personFields,
    birthYear: z._default(optionalYear("Год рождения", 1930), ""),
    category: z.enum(PERSON_CATEGORIES, { message: "Категория: выберите из списка." }),
    grade: optionalText("Класс или курс", 30),
    position: optionalText("Должность или специальность", 200),
    teachingSince: z._default(optionalYear("Год начала педагогической работы", 1950), ""),
    phone: optionalText("Телефон", 50),
    email: optionalEmail("Электронная почта: введите адрес полностью."),
    isMentor: zBool,
    mentor: z._default(
      z.object({
        ...mentorFields,
        capacity: mentorCapacity,
        consentDate: optionalDate("Дата согласия наставника"),
        publishName: zBool,
      }),
      {
        competencies: "",
        achievements: "",
        interests: "",
        preferredMenteeAge: "",
        timeAvailable: "",
        capacity: null,
        consentDate: "",
        publishName: false,
      },
    ),
    isMentee: zBool,
    mentee: z._default(
      z.object({
        ...menteeFields,
        consentDate: optionalDate("Дата согласия"),
        /** Where a minor's questionnaire links go (lib/surveys), instead of the child's own address. */
        representativeEmail: optionalEmail(
          "Контакт законного представителя: введите адрес электронной почты полностью, например ivanova@mail.ru.",
          "Контакт законного представителя: не длиннее 200 символов.",
        ),
        hasIndividualRoute: zBool,
      }),
      {
        request: "",
        needCategory: "",
        consentDate: "",
        representativeEmail: "",
        hasIndividualRoute: false,
      },
    ),
  })
  .check(
    z.superRefine((v, ctx) => {
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
        issue(
          ["mentor", "publishName"],
          "Публикация имени: возможна только для совершеннолетнего наставника.",
        );
      if (v.isMentee && !v.mentee.consentDate)
        issue(["mentee", "consentDate"], consentRequired("наставляемого", minor));
      for (const [path, date] of [
        [["mentor", "consentDate"], v.mentor.consentDate],
        [["mentee", "consentDate"], v.mentee.consentDate],
      ] as const) {
        if (date && date > latestToday()) issue([...path], "Дата согласия: не может быть в будущем.");
      }
    }),
  );

export type PersonInput = z.input<typeof personSchema>;
export type PersonValues = z.output<typeof personSchema>;

export const archivePersonSchema = z.object({
  id: zId(),
  archived: zBool,
});
