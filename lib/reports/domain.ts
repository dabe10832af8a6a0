/** Formats, categories and periods of the mentoring model (spec/domain.md). Pure. */
import type { ReportFormKey } from "./types";
import type { Format, PersonCategory } from "@/lib/vocabulary";

export {
  CATEGORY_LABELS,
  FORMAT_LABELS,
  FORMATS,
  PERSON_CATEGORIES,
  type Format,
  type PersonCategory,
} from "@/lib/vocabulary";

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

/** The formats each report form gathers, as the forms' subtitles name them. */
export const FORM_SUBTITLES: Record<ReportFormKey, string> = {
  form2: "«Ученик – ученик», «Студент – студент»",
  form3: "«Учитель – учитель»",
  form4: "«Студент – ученик»",
  form5: "«Работодатель – ученик», «Работодатель – студент»",
  other: "Прочие формы наставничества («Педагог – ученик»)",
};

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
