/** Formats, categories and periods of the mentoring model (spec/domain.md). Pure. */

export const FORMATS = [
  "pupil_pupil",
  "student_student",
  "teacher_teacher",
  "student_pupil",
  "employer_pupil",
  "employer_student",
  "teacher_pupil",
] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_LABELS: Record<Format, string> = {
  pupil_pupil: "Ученик – ученик",
  student_student: "Студент – студент",
  teacher_teacher: "Учитель – учитель",
  student_pupil: "Студент – ученик",
  employer_pupil: "Работодатель – ученик",
  employer_student: "Работодатель – студент",
  teacher_pupil: "Педагог – ученик",
};

export const PERSON_CATEGORIES = [
  "pupil",
  "college_student",
  "teacher",
  "employer_rep",
  "parent",
  "graduate",
  "retired_teacher",
  "other",
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<PersonCategory, string> = {
  pupil: "Обучающийся школы",
  college_student: "Студент",
  teacher: "Педагог",
  employer_rep: "Представитель работодателя",
  parent: "Родитель",
  graduate: "Выпускник",
  retired_teacher: "Педагог на пенсии",
  other: "Другое",
};

/** The report form each format is reported in. */
export const FORMAT_FORM = {
  pupil_pupil: "form2",
  student_student: "form2",
  teacher_teacher: "form3",
  student_pupil: "form4",
  employer_pupil: "form5",
  employer_student: "form5",
  teacher_pupil: "other",
} as const satisfies Record<Format, string>;

export interface Period {
  year: number;
  quarter: number;
}

export function quarterStart({ year, quarter }: Period): string {
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
}

export function quarterEnd({ year, quarter }: Period): string {
  const month = quarter * 3;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${last}`;
}

/** Default deadline: the 10th day after the quarter ends. */
export function defaultDeadline(period: Period): string {
  const end = new Date(`${quarterEnd(period)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 10);
  return end.toISOString().slice(0, 10);
}

export function previousPeriod({ year, quarter }: Period): Period {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

export function periodLabel({ year, quarter }: Period): string {
  return `${["I", "II", "III", "IV"][quarter - 1]} квартал ${year} г.`;
}

export function isLearnerAged10to18(p: { category: PersonCategory; birthYear: number | null }, year: number) {
  if (p.category !== "pupil" && p.category !== "college_student") return false;
  if (p.birthYear == null) return false;
  const age = year - p.birthYear;
  return age >= 10 && age <= 18;
}

export function isTeacher(p: { category: PersonCategory }) {
  return p.category === "teacher";
}

export function isYoungTeacher(p: { category: PersonCategory; teachingSince: number | null }, year: number) {
  if (p.category !== "teacher" || p.teachingSince == null) return false;
  const experience = year - p.teachingSince;
  return experience >= 0 && experience <= 3;
}
