/** Role models of each format and which persons fit it (spec/domain.md, «Formats and role models»). Pure. */
import { CATEGORY_LABELS, FORMAT_LABELS, type Format, type PersonCategory } from "@/lib/reports/domain";

export { ROLE_MODELS, STAGE_LABELS } from "@/lib/vocabulary";

/** Who may be the mentor and who the mentee in each format. */
export const FORMAT_PARTIES: Record<Format, { mentor: PersonCategory[]; mentee: PersonCategory[] }> = {
  pupil_pupil: { mentor: ["pupil"], mentee: ["pupil"] },
  student_student: { mentor: ["college_student"], mentee: ["college_student"] },
  teacher_teacher: { mentor: ["teacher", "retired_teacher"], mentee: ["teacher"] },
  student_pupil: { mentor: ["college_student"], mentee: ["pupil"] },
  employer_pupil: { mentor: ["employer_rep", "graduate", "parent", "other"], mentee: ["pupil"] },
  employer_student: { mentor: ["employer_rep", "graduate", "other"], mentee: ["college_student"] },
  teacher_pupil: { mentor: ["teacher", "retired_teacher"], mentee: ["pupil", "college_student"] },
};

/** Why a mentor–mentee pair does not fit the format, or null when it does. */
export function formatMismatch(
  format: Format,
  mentor: PersonCategory,
  mentee: PersonCategory,
): string | null {
  const parties = FORMAT_PARTIES[format];
  const list = (cs: PersonCategory[]) => cs.map((c) => CATEGORY_LABELS[c].toLowerCase()).join(", ");
  if (!parties.mentor.includes(mentor)) {
    return `В форме «${FORMAT_LABELS[format]}» наставником может быть: ${list(parties.mentor)}; выбран — ${CATEGORY_LABELS[mentor].toLowerCase()}.`;
  }
  if (!parties.mentee.includes(mentee)) {
    return `В форме «${FORMAT_LABELS[format]}» наставляемым может быть: ${list(parties.mentee)}; выбран — ${CATEGORY_LABELS[mentee].toLowerCase()}.`;
  }
  return null;
}

/** Виды наставничества (spec/domain.md). */
export const MODES = [
  "виртуальное",
  "групповое",
  "краткосрочное",
  "реверсивное",
  "ситуационное",
  "скоростное",
  "традиционное",
];

/** Categories of need of a mentee (the register keeps them as these Russian words). */
export const LEARNER_NEEDS = [
  "одарённый обучающийся",
  "низкие образовательные результаты",
  "ОВЗ",
  "трудная жизненная ситуация",
  "нарушения поведения",
  "низкая мотивация, неуспевающий",
  "не вовлечён в жизнь школы",
];
export const TEACHER_NEEDS = [
  "молодой специалист",
  "профессиональное выгорание",
  "адаптация на новом месте работы",
  "цифровые компетенции",
  "возвращение после перерыва",
  "затруднения в коммуникации",
];
