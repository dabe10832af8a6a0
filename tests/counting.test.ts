import { describe, expect, it } from "vitest";
import {
  computeForms,
  isActiveYearToDate,
  rowSums,
  type CountMentorship,
  type CountPerson,
  type CountProgramme,
} from "@/lib/reports/counting";

const person = (id: number, p: Partial<CountPerson> = {}): CountPerson => ({
  id,
  category: "pupil",
  birthYear: 2012,
  teachingSince: null,
  workplace: "",
  position: "",
  grade: "",
  ...p,
});
const programme = (id: number, format: CountProgramme["format"], title = `П${id}`): CountProgramme => ({
  id,
  title,
  format,
  achievedResults: "",
});
const pair = (
  programmeId: number,
  mentorId: number,
  menteeId: number,
  entryDate = "2024-02-01",
  endDate: string | null = null,
): CountMentorship => ({
  programmeId,
  mentorId,
  menteeId,
  entryDate,
  endDate,
});

function run(
  period: { year: number; quarter: number },
  persons: CountPerson[],
  programmes: CountProgramme[],
  mentorships: CountMentorship[],
  withRoute: number[] = [],
) {
  return computeForms({
    period,
    persons: new Map(persons.map((p) => [p.id, p])),
    programmes,
    mentorships,
    withRoute: new Set(withRoute),
  });
}

describe("year-to-date activity", () => {
  const q1 = { year: 2024, quarter: 1 };
  it("counts a mentorship that starts on the last day of the quarter", () => {
    expect(isActiveYearToDate({ entryDate: "2024-03-31", endDate: null }, q1)).toBe(true);
    expect(isActiveYearToDate({ entryDate: "2024-04-01", endDate: null }, q1)).toBe(false);
  });
  it("counts a mentorship that ended on 1 January of the year, not one that ended the day before", () => {
    expect(isActiveYearToDate({ entryDate: "2023-09-01", endDate: "2024-01-01" }, q1)).toBe(true);
    expect(isActiveYearToDate({ entryDate: "2023-09-01", endDate: "2023-12-31" }, q1)).toBe(false);
  });
  it("counts a mentorship spanning years in every year it touches", () => {
    const m = { entryDate: "2022-09-01", endDate: "2024-05-31" };
    expect(isActiveYearToDate(m, { year: 2022, quarter: 4 })).toBe(true);
    expect(isActiveYearToDate(m, { year: 2023, quarter: 2 })).toBe(true);
    expect(isActiveYearToDate(m, { year: 2024, quarter: 4 })).toBe(true);
    expect(isActiveYearToDate(m, { year: 2022, quarter: 2 })).toBe(false);
  });
  it("keeps a mentorship ended in Q1 in the Q4 report of the same year", () => {
    expect(
      isActiveYearToDate({ entryDate: "2024-01-10", endDate: "2024-02-10" }, { year: 2024, quarter: 4 }),
    ).toBe(true);
  });
});

describe("a person is counted once", () => {
  it("counts a pupil in two programmes in both rows but once in the totals", () => {
    const persons = [person(1), person(2), person(3)];
    const { forms, summary } = run(
      { year: 2024, quarter: 2 },
      persons,
      [programme(10, "pupil_pupil"), programme(11, "pupil_pupil")],
      [pair(10, 1, 3), pair(11, 2, 3)],
    );
    expect(forms.form2.rows.map((r) => r.mentees)).toEqual([1, 1]);
    expect(rowSums(forms.form2).mentees).toBe(2);
    expect(forms.form2.distinctMentees).toBe(1);
    expect(summary.learnerMentees).toBe(1);
    expect(summary.learnerMentors).toBe(2);
    expect(summary.learnersAny).toBe(3);
  });

  it("counts a person who is mentor in one programme and mentee in another once in 'any role'", () => {
    const persons = [person(1), person(2), person(3)];
    const { summary } = run(
      { year: 2024, quarter: 1 },
      persons,
      [programme(10, "pupil_pupil"), programme(11, "pupil_pupil")],
      [pair(10, 1, 2), pair(11, 2, 3)],
    );
    expect(summary.learnerMentors).toBe(2);
    expect(summary.learnerMentees).toBe(2);
    expect(summary.learnersAny).toBe(3);
  });
});

describe("who counts as what", () => {
  it("leaves learners outside 10–18 in the rows but out of the summary", () => {
    const persons = [person(1, { birthYear: 2004 }), person(2, { birthYear: 2017 })];
    const { forms, summary } = run(
      { year: 2024, quarter: 1 },
      persons,
      [programme(10, "pupil_pupil")],
      [pair(10, 1, 2)],
    );
    expect(forms.form2.rows[0]).toMatchObject({ mentors: 1, mentees: 1 });
    expect(summary.learnersAny).toBe(0);
  });

  it("reports teacher–teacher in form 3 with young teachers and individual routes", () => {
    const persons = [
      person(1, { category: "teacher", teachingSince: 2000 }),
      person(2, { category: "teacher", teachingSince: 2022 }),
      person(3, { category: "teacher", teachingSince: 2015 }),
    ];
    const { forms, summary } = run(
      { year: 2024, quarter: 3 },
      persons,
      [programme(10, "teacher_teacher")],
      [pair(10, 1, 2), pair(10, 1, 3)],
      [2],
    );
    expect(forms.form3.rows[0]).toMatchObject({ mentors: 1, mentees: 2, youngTeachers: 1, withRoute: 1 });
    expect(summary).toMatchObject({
      teacherMentors: 1,
      youngTeacherMentees: 1,
      youngTeachersWithRoute: 1,
      teachersAny: 3,
    });
  });

  it("counts outside mentors in their form's rows only", () => {
    const persons = [
      person(1, { category: "employer_rep", birthYear: 1980, workplace: "АО «Завод»", position: "инженер" }),
      person(2),
    ];
    const { forms, summary } = run(
      { year: 2024, quarter: 1 },
      persons,
      [programme(10, "employer_pupil")],
      [pair(10, 1, 2)],
    );
    expect(forms.form5.rows[0]).toMatchObject({
      mentors: 1,
      mentees: 1,
      mentorDetails: "АО «Завод» — 1 чел.: инженер",
    });
    expect(summary.teachersAny).toBe(0);
    expect(summary.learnerMentees).toBe(1);
  });

  it("names the college, speciality and year of form 4's student mentors (seed 002: «наимен. ПОО, специальность, курс»)", () => {
    const college = {
      category: "college_student" as const,
      birthYear: 2006,
      workplace: "Технологический колледж",
    };
    const persons = [
      person(1, { ...college, position: "Программирование", grade: "2 курс" }),
      person(2, { ...college, position: "Программирование", grade: "2 курс" }),
      person(3, { ...college, position: "Экономика", grade: "3 курс" }),
      person(4),
      person(5),
    ];
    const { forms } = run(
      { year: 2024, quarter: 1 },
      persons,
      [programme(10, "student_pupil")],
      [pair(10, 1, 4), pair(10, 2, 5), pair(10, 3, 5)],
    );
    expect(forms.form4.rows[0]).toMatchObject({
      mentors: 3,
      mentorDetails: "Технологический колледж — 3 чел.: Программирование (2 курс), Экономика (3 курс)",
    });
  });

  it("puts teacher–pupil programmes into the appendix and counts its teachers as mentors", () => {
    const persons = [person(1, { category: "teacher", teachingSince: 2010 }), person(2)];
    const { forms, summary } = run(
      { year: 2024, quarter: 1 },
      persons,
      [programme(10, "teacher_pupil")],
      [pair(10, 1, 2)],
    );
    expect(forms.other.rows).toHaveLength(1);
    expect(summary.teacherMentors).toBe(1);
    expect(summary.learnerMentees).toBe(1);
  });

  it("omits programmes with no active mentorship and counts active ones", () => {
    const persons = [person(1), person(2)];
    const { forms, summary } = run(
      { year: 2024, quarter: 1 },
      persons,
      [programme(10, "pupil_pupil"), programme(11, "pupil_pupil")],
      [pair(10, 1, 2), pair(11, 1, 2, "2024-05-01")],
    );
    expect(forms.form2.rows).toHaveLength(1);
    expect(summary.activeProgrammes).toBe(1);
  });
});
