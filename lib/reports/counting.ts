/** Forms 2–5, the appendix and the summary computed from the registers (spec/reporting.md). Pure. */
import {
  FORMAT_FORM,
  isLearnerAged10to18,
  isTeacher,
  isYoungTeacher,
  quarterEnd,
  type Format,
  type Period,
  type PersonCategory,
} from "./domain";
import type { ReportForm, ReportFormKey, ReportForms, ReportRow, ReportSummary } from "./types";

export interface CountPerson {
  id: number;
  category: PersonCategory;
  birthYear: number | null;
  teachingSince: number | null;
  workplace: string;
  position: string;
  grade: string;
}

export interface CountProgramme {
  id: number;
  title: string;
  format: Format;
  achievedResults: string;
}

export interface CountMentorship {
  programmeId: number;
  mentorId: number;
  menteeId: number;
  entryDate: string;
  endDate: string | null;
}

export interface CountInput {
  period: Period;
  persons: Map<number, CountPerson>;
  programmes: CountProgramme[];
  mentorships: CountMentorship[];
  /** Persons whose mentee profile records an individual route (ИОМ). */
  withRoute: Set<number>;
}

export const FORM_KEYS: ReportFormKey[] = ["form2", "form3", "form4", "form5", "other"];

/** Active at any time from 1 January of the period's year to the last day of its quarter (year-to-date). */
export function isActiveYearToDate(
  m: { entryDate: string; endDate: string | null },
  period: Period,
): boolean {
  const from = `${period.year}-01-01`;
  const to = quarterEnd(period);
  return m.entryDate <= to && (m.endDate == null || m.endDate >= from);
}

export function emptyForms(): ReportForms {
  return Object.fromEntries(
    FORM_KEYS.map((k) => [k, { rows: [], distinctMentors: 0, distinctMentees: 0 }]),
  ) as unknown as ReportForms;
}

export function computeForms(input: CountInput): { forms: ReportForms; summary: ReportSummary } {
  const { period, persons } = input;
  const year = period.year;
  const byProgramme = new Map<number, CountMentorship[]>();
  for (const m of input.mentorships) {
    if (!isActiveYearToDate(m, period)) continue;
    const list = byProgramme.get(m.programmeId) ?? [];
    list.push(m);
    byProgramme.set(m.programmeId, list);
  }

  const forms = emptyForms();
  const formMentors: Record<ReportFormKey, Set<number>> = sets();
  const formMentees: Record<ReportFormKey, Set<number>> = sets();
  const programmes = [...input.programmes].sort(
    (a, b) => a.title.localeCompare(b.title, "ru") || a.id - b.id,
  );

  for (const programme of programmes) {
    const active = byProgramme.get(programme.id);
    if (!active?.length) continue;
    const key = FORMAT_FORM[programme.format];
    const mentors = new Set(active.map((m) => m.mentorId));
    const mentees = new Set(active.map((m) => m.menteeId));
    const row: ReportRow = {
      programmeId: programme.id,
      title: programme.title,
      mentors: mentors.size,
      mentees: mentees.size,
      result: programme.achievedResults,
    };
    if (key === "form3") {
      const young = [...mentees].filter((id) => youngTeacher(persons.get(id), year));
      row.youngTeachers = young.length;
      row.withRoute = young.filter((id) => input.withRoute.has(id)).length;
    }
    if (key === "form4" || key === "form5")
      row.mentorDetails = mentorDetails(mentors, persons, key === "form4");
    forms[key].rows.push(row);
    mentors.forEach((id) => formMentors[key].add(id));
    mentees.forEach((id) => formMentees[key].add(id));
  }
  for (const key of FORM_KEYS) {
    forms[key].distinctMentors = formMentors[key].size;
    forms[key].distinctMentees = formMentees[key].size;
  }

  const learner = (id: number) => {
    const p = persons.get(id);
    return p != null && isLearnerAged10to18(p, year);
  };
  const teacher = (id: number) => {
    const p = persons.get(id);
    return p != null && isTeacher(p);
  };
  const union = (keys: ReportFormKey[], of: Record<ReportFormKey, Set<number>>) =>
    new Set(keys.flatMap((k) => [...of[k]]));

  const learnerMentees = [...union(["form2", "form4", "form5", "other"], formMentees)].filter(learner);
  const learnerMentors = [...formMentors.form2].filter(learner);
  const teacherMentors = [...union(["form3", "other"], formMentors)].filter(teacher);
  const allMentees = union(FORM_KEYS, formMentees);
  const everyone = new Set([...allMentees, ...union(FORM_KEYS, formMentors)]);
  const youngMentees = [...allMentees].filter((id) => youngTeacher(persons.get(id), year));

  const summary: ReportSummary = {
    learnerMentees: learnerMentees.length,
    learnerMentors: learnerMentors.length,
    teacherMentors: teacherMentors.length,
    youngTeacherMentees: youngMentees.length,
    youngTeachersWithRoute: youngMentees.filter((id) => input.withRoute.has(id)).length,
    // Outside mentors (form 4's college students among them) count in their form's rows only
    // (reporting.md, «Who counts as what»): learners in any role are the learner mentees and mentors.
    learnersAny: new Set([...learnerMentees, ...learnerMentors]).size,
    teachersAny: [...everyone].filter(teacher).length,
    activeProgrammes: byProgramme.size,
  };
  return { forms, summary };
}

function sets(): Record<ReportFormKey, Set<number>> {
  return Object.fromEntries(FORM_KEYS.map((k) => [k, new Set<number>()])) as Record<
    ReportFormKey,
    Set<number>
  >;
}

function youngTeacher(p: CountPerson | undefined, year: number) {
  return p != null && isYoungTeacher(p, year);
}

/**
 * «Колледж — 3 чел.: специальность (2 курс), …» per workplace: short enough for a report cell. Form 4 adds the
 * year of study (seed 002: «наимен. ПОО, специальность, курс»); form 5 has workplace and position only.
 */
function mentorDetails(ids: Set<number>, persons: Map<number, CountPerson>, withCourse: boolean): string {
  const byPlace = new Map<string, { n: number; items: Set<string> }>();
  for (const id of ids) {
    const p = persons.get(id);
    if (!p) continue;
    const place = p.workplace || "место не указано";
    const entry = byPlace.get(place) ?? { n: 0, items: new Set<string>() };
    entry.n += 1;
    const course = withCourse ? p.grade.trim() : "";
    const item = p.position && course ? `${p.position} (${course})` : p.position || course;
    if (item) entry.items.add(item);
    byPlace.set(place, entry);
  }
  return [...byPlace.entries()]
    .map(([place, { n, items }]) => `${place} — ${n} чел.${items.size ? `: ${[...items].join(", ")}` : ""}`)
    .join("; ");
}

/** The form's own numbers summed over rows (the first of its two totals). */
export function rowSums(form: ReportForm): { mentors: number; mentees: number } {
  return form.rows.reduce((s, r) => ({ mentors: s.mentors + r.mentors, mentees: s.mentees + r.mentees }), {
    mentors: 0,
    mentees: 0,
  });
}
