import { describe, expect, it } from "vitest";
import { emptyForms } from "@/lib/reports/counting";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { ReportContent } from "@/lib/reports/validation";
import { validateReport } from "@/lib/reports/validation";
import {
  canPerform,
  intakeOf,
  needsComment,
  nextState,
  periodRefusal,
  refusal,
  type ReportAction,
  type ReportState,
} from "@/lib/reports/workflow";

function report(patch: Partial<ReportContent> = {}): ReportContent {
  const forms = emptyForms();
  forms.form2.rows = [{ programmeId: 1, title: "Лидер", mentors: 10, mentees: 10, result: "Итог" }];
  forms.form2.distinctMentors = 10;
  forms.form2.distinctMentees = 10;
  return {
    quarter: 2,
    form1: {
      municipality: "М",
      organisation: "О",
      directorName: "",
      phone: "",
      email: "",
      address: "",
      learners10to18: 100,
      teachingStaff: 20,
      youngTeachers: 3,
      curatorName: "К",
      documents: {} as ReportContent["form1"]["documents"],
    },
    forms,
    summary: {
      learnerMentees: 10,
      learnerMentors: 10,
      teacherMentors: 2,
      youngTeacherMentees: 2,
      youngTeachersWithRoute: 1,
      learnersAny: 20,
      teachersAny: 4,
      activeProgrammes: 1,
    },
    ...patch,
  };
}
const fields = (issues: { field: string }[]) => issues.map((i) => i.field);

describe("validation: errors", () => {
  it("accepts a consistent report", () => {
    expect(validateReport(report())).toEqual({ errors: [], warnings: [] });
  });
  it("wants whole numbers from 0 to 1 000 000", () => {
    const r = report();
    r.form1.learners10to18 = -1;
    r.summary.teachersAny = 2.5;
    expect(fields(validateReport(r).errors)).toEqual(["form1.learners10to18", "summary.teachersAny"]);
  });
  it("refuses more young teachers than teaching staff", () => {
    const r = report();
    r.form1.youngTeachers = 21;
    expect(fields(validateReport(r).errors)).toContain("form1.youngTeachers");
  });
  it("refuses learner mentees or mentors above the learners aged 10–18", () => {
    const r = report();
    r.summary.learnerMentees = 101;
    r.summary.learnerMentors = 101;
    expect(fields(validateReport(r).errors)).toEqual(
      expect.arrayContaining(["summary.learnerMentees", "summary.learnerMentors"]),
    );
  });
  it("refuses teacher mentors above staff, young-teacher mentees or ИОМ above young teachers", () => {
    const r = report();
    r.summary.teacherMentors = 21;
    r.summary.youngTeacherMentees = 4;
    r.summary.youngTeachersWithRoute = 4;
    expect(fields(validateReport(r).errors)).toEqual(
      expect.arrayContaining([
        "summary.teacherMentors",
        "summary.youngTeacherMentees",
        "summary.youngTeachersWithRoute",
      ]),
    );
  });
  it("wants a title, a mentor and a mentee in every row", () => {
    const r = report();
    r.forms.form2.rows.push({ programmeId: null, title: " ", mentors: 0, mentees: 0, result: "" });
    const errors = validateReport(r).errors;
    expect(fields(errors)).toEqual(
      expect.arrayContaining([
        "forms.form2.rows.1.title",
        "forms.form2.rows.1.mentors",
        "forms.form2.rows.1.mentees",
      ]),
    );
    expect(errors.find((e) => e.field === "forms.form2.rows.1.title")?.message).toMatch(
      /Форма 2, строка 2: укажите название/,
    );
  });
  it("keeps a form's distinct total between its largest row and the sum of its rows", () => {
    const r = report();
    r.forms.form2.rows.push({ programmeId: 2, title: "Второй", mentors: 4, mentees: 6, result: "" });
    r.forms.form2.distinctMentees = 17; // sum 16
    r.forms.form2.distinctMentors = 9; // largest 10
    expect(fields(validateReport(r).errors)).toEqual([
      "forms.form2.distinctMentors",
      "forms.form2.distinctMentees",
    ]);
  });
});

describe("validation: warnings", () => {
  it("warns when a year-to-date count falls below the previous quarter", () => {
    const prev = report({ quarter: 1 });
    prev.summary = { ...prev.summary, learnerMentees: 15 };
    expect(fields(validateReport(report(), prev).warnings)).toEqual(["summary.learnerMentees"]);
  });
  it("does not compare year-to-date counts across a new year", () => {
    const prev = report({ quarter: 4 });
    prev.summary = { ...prev.summary, learnerMentees: 50 };
    expect(validateReport(report({ quarter: 1 }), prev).warnings).toEqual([]);
  });
  it("warns when a form-1 figure moves by more than 20 %", () => {
    const prev = report({ quarter: 1 });
    prev.form1 = { ...prev.form1, learners10to18: 80, teachingStaff: 20 };
    expect(fields(validateReport(report(), prev).warnings)).toEqual(["form1.learners10to18"]);
    prev.form1 = { ...prev.form1, learners10to18: 84 };
    expect(validateReport(report(), prev).warnings).toEqual([]);
  });
  it("warns about a row without a result in the fourth quarter only", () => {
    const r = report({ quarter: 4 });
    r.forms.form2.rows[0].result = "";
    expect(fields(validateReport(r).warnings)).toEqual(["forms.form2.rows.0.result"]);
    expect(validateReport({ ...r, quarter: 3 }).warnings).toEqual([]);
  });
});

describe("workflow: every role × state × action", () => {
  const states: ReportState[] = ["none", "draft", "submitted", "returned", "approved"];
  const actions: ReportAction[] = ["create", "save", "submit", "approve", "return", "reopen"];
  const allowed = new Set([
    "curator:none:create",
    "admin:none:create",
    "curator:draft:save",
    "admin:draft:save",
    "curator:returned:save",
    "admin:returned:save",
    "curator:draft:submit",
    "admin:draft:submit",
    "curator:returned:submit",
    "admin:returned:submit",
    "coordinator:submitted:approve",
    "admin:submitted:approve",
    "coordinator:submitted:return",
    "admin:submitted:return",
    "admin:approved:reopen",
  ]);
  for (const role of ROLES as readonly Role[]) {
    for (const state of states) {
      for (const action of actions) {
        const key = `${role}:${state}:${action}`;
        it(`${key} → ${allowed.has(key) ? "allowed" : "refused"}`, () => {
          expect(canPerform(role, state, action)).toBe(allowed.has(key));
          if (!allowed.has(key)) expect(refusal(role, state, action)).toMatch(/[а-я]/);
        });
      }
    }
  }
  it("moves between the states of the spec", () => {
    expect(nextState("none", "create")).toBe("draft");
    expect(nextState("returned", "save")).toBe("returned");
    expect(nextState("returned", "submit")).toBe("submitted");
    expect(nextState("submitted", "approve")).toBe("approved");
    expect(nextState("submitted", "return")).toBe("returned");
    expect(nextState("approved", "reopen")).toBe("returned");
    expect(needsComment("return") && needsComment("reopen") && !needsComment("approve")).toBe(true);
  });
});

describe("workflow: the period of the organisation's region", () => {
  const period = { year: 2026, quarter: 4 };
  const open = { opened: true, open: true };
  const closed = { opened: true, open: false };
  const never = { opened: false, open: false };

  it("drafting (start, save, submit) needs the period open", () => {
    for (const action of ["create", "save", "submit"] as const) {
      expect(periodRefusal(action, period, open)).toBeNull();
      expect(periodRefusal(action, period, closed)).toMatch(
        /^Нельзя .*: приём отчётов за IV квартал 2026 г\. закрыт\./,
      );
      expect(periodRefusal(action, period, never)).toMatch(
        /^Нельзя .*: приём отчётов за IV квартал 2026 г\. не открыт\./,
      );
    }
    expect(periodRefusal("save", period, closed)).toBe(
      "Нельзя сохранить: приём отчётов за IV квартал 2026 г. закрыт. Если отчёт нужно изменить, обратитесь к администратору региона.",
    );
  });

  it("review and reopening go on in a closed or never opened period", () => {
    for (const action of ["approve", "return", "reopen"] as const) {
      expect(periodRefusal(action, period, closed)).toBeNull();
      expect(periodRefusal(action, period, never)).toBeNull();
    }
  });

  it("names the intake of the period", () => {
    expect([open, closed, never].map(intakeOf)).toEqual(["open", "closed", "not_opened"]);
  });
});
