/** The validation rules of spec/reporting.md. Errors block submission; warnings must be acknowledged. Pure. */
import { FORM_KEYS } from "./counting";
import type { Form1, ReportForms, ReportFormKey, ReportSummary } from "./types";

export interface Issue {
  /** Path of the field the message concerns, e.g. "form1.youngTeachers" or "forms.form2.rows.0.title". */
  field: string;
  message: string;
}

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

export interface ReportContent {
  quarter: number;
  form1: Form1;
  forms: ReportForms;
  summary: ReportSummary;
}

export const FORM_TITLES: Record<ReportFormKey, string> = {
  form2: "Форма 2",
  form3: "Форма 3",
  form4: "Форма 4",
  form5: "Форма 5",
  other: "Прочие формы",
};

export const SUMMARY_LABELS: Record<keyof ReportSummary, string> = {
  learnerMentees: "Обучающихся 10–18 лет — наставляемых",
  learnerMentors: "Обучающихся 10–18 лет — наставников",
  teacherMentors: "Педагогов — наставников",
  youngTeacherMentees: "Молодых специалистов — наставляемых",
  youngTeachersWithRoute: "Молодых специалистов с ИОМ",
  learnersAny: "Обучающихся 10–18 лет в любой роли",
  teachersAny: "Педагогов в любой роли",
  activeProgrammes: "Программ с действующими парами",
};

export const FORM1_COUNT_LABELS = {
  learners10to18: "Обучающихся в возрасте от 10 до 18 лет",
  teachingStaff: "Педагогических работников",
  youngTeachers: "Молодых специалистов (стаж 0–3 года)",
} as const;

const MAX = 1_000_000;
const isCount = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX;

export function validateReport(report: ReportContent, previous?: ReportContent | null): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  const { form1: f1, summary: s } = report;

  for (const [key, label] of Object.entries(FORM1_COUNT_LABELS)) {
    const v = f1[key as keyof typeof FORM1_COUNT_LABELS];
    if (!isCount(v)) err(`form1.${key}`, `${label}: укажите целое число от 0 до 1 000 000.`);
  }
  for (const [key, label] of Object.entries(SUMMARY_LABELS)) {
    if (!isCount(s[key as keyof ReportSummary]))
      err(`summary.${key}`, `${label}: укажите целое число от 0 до 1 000 000.`);
  }
  if (errors.length) return { errors, warnings };

  if (f1.youngTeachers > f1.teachingStaff)
    err(
      "form1.youngTeachers",
      `Молодых специалистов (${f1.youngTeachers}) больше, чем педагогических работников (${f1.teachingStaff}).`,
    );
  const limit = (field: keyof ReportSummary, value: number, max: number, what: string) => {
    if (value > max)
      err(
        `summary.${field}`,
        `${SUMMARY_LABELS[field]} (${value}) больше, чем ${what} (${max}). Исправьте численность в форме 1 или реестр.`,
      );
  };
  limit("learnerMentees", s.learnerMentees, f1.learners10to18, "обучающихся 10–18 лет в форме 1");
  limit("learnerMentors", s.learnerMentors, f1.learners10to18, "обучающихся 10–18 лет в форме 1");
  limit("learnersAny", s.learnersAny, f1.learners10to18, "обучающихся 10–18 лет в форме 1");
  limit("teacherMentors", s.teacherMentors, f1.teachingStaff, "педагогических работников в форме 1");
  limit("teachersAny", s.teachersAny, f1.teachingStaff, "педагогических работников в форме 1");
  limit("youngTeacherMentees", s.youngTeacherMentees, f1.youngTeachers, "молодых специалистов в форме 1");
  limit(
    "youngTeachersWithRoute",
    s.youngTeachersWithRoute,
    f1.youngTeachers,
    "молодых специалистов в форме 1",
  );

  for (const key of FORM_KEYS) {
    const form = report.forms[key];
    const title = FORM_TITLES[key];
    form.rows.forEach((row, i) => {
      const at = `forms.${key}.rows.${i}`;
      const name = row.title?.trim() ? `«${row.title.trim()}»` : `строка ${i + 1}`;
      if (!row.title?.trim()) err(`${at}.title`, `${title}, строка ${i + 1}: укажите название программы.`);
      if (!isCount(row.mentors) || row.mentors < 1)
        err(`${at}.mentors`, `${title}, ${name}: нужен хотя бы 1 наставник.`);
      if (!isCount(row.mentees) || row.mentees < 1)
        err(`${at}.mentees`, `${title}, ${name}: нужен хотя бы 1 наставляемый.`);
      if (row.youngTeachers != null && row.youngTeachers > row.mentees)
        err(`${at}.youngTeachers`, `${title}, ${name}: молодых специалистов больше, чем наставляемых.`);
      if (row.withRoute != null && row.youngTeachers != null && row.withRoute > row.youngTeachers)
        err(`${at}.withRoute`, `${title}, ${name}: с ИОМ больше, чем молодых специалистов.`);
      if (report.quarter === 4 && !row.result?.trim())
        warnings.push({
          field: `${at}.result`,
          message: `${title}, ${name}: в отчёте за IV квартал укажите результат программы.`,
        });
    });
    for (const [side, word] of [
      ["Mentors", "наставников"],
      ["Mentees", "наставляемых"],
    ] as const) {
      const distinct = form[`distinct${side}`];
      const values = form.rows.map((r) => (side === "Mentors" ? r.mentors : r.mentees));
      const sum = values.reduce((a, b) => a + (isCount(b) ? b : 0), 0);
      const largest = Math.max(0, ...values.filter(isCount));
      const field = `forms.${key}.distinct${side}`;
      if (!isCount(distinct)) err(field, `${title}: разных ${word} — укажите целое число от 0 до 1 000 000.`);
      else if (distinct > sum)
        err(field, `${title}: разных ${word} (${distinct}) больше, чем в строке «Итого, чел» (${sum}).`);
      else if (distinct < largest)
        err(field, `${title}: разных ${word} (${distinct}) меньше, чем в самой большой строке (${largest}).`);
    }
  }

  if (previous) warnings.push(...compareWithPrevious(report, previous));
  return { errors, warnings };
}

/** Warnings against the previous quarter: year-to-date counts never fall; form-1 figures rarely jump. */
function compareWithPrevious(report: ReportContent, prev: ReportContent): Issue[] {
  const out: Issue[] = [];
  if (prev.quarter < report.quarter) {
    for (const [key, label] of Object.entries(SUMMARY_LABELS)) {
      const now = report.summary[key as keyof ReportSummary];
      const before = prev.summary[key as keyof ReportSummary];
      if (now < before)
        out.push({
          field: `summary.${key}`,
          message: `${label}: ${now} — меньше, чем в прошлом квартале (${before}), хотя счёт ведётся с начала года. Проверьте реестр.`,
        });
    }
  }
  for (const [key, label] of Object.entries(FORM1_COUNT_LABELS)) {
    const now = report.form1[key as keyof typeof FORM1_COUNT_LABELS];
    const before = prev.form1[key as keyof typeof FORM1_COUNT_LABELS];
    if (before > 0 && Math.abs(now - before) / before > 0.2) {
      out.push({
        field: `form1.${key}`,
        message: `${label}: ${now} — отличается от прошлого квартала (${before}) больше чем на 20 %. Подтвердите, что это не опечатка.`,
      });
    }
  }
  return out;
}
