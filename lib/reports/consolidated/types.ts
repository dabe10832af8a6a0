/** Consolidated forms 1–5 of a municipality or the region (spec/reporting.md, «Consolidated tables»). Pure. */
import type { Form1, ReportFormKey, ReportForms, ReportRow } from "../types";

/** The forms of the consolidated tables: form 1, forms 2–5 and the appendix «прочие». */
export type ConsolidatedKey = "form1" | ReportFormKey;
export const CONSOLIDATED_KEYS: ConsolidatedKey[] = ["form1", "form2", "form3", "form4", "form5", "other"];

/** The `form` URL parameter: 1…5 or «other». */
export const FORM_PARAMS: Record<ConsolidatedKey, string> = {
  form1: "1",
  form2: "2",
  form3: "3",
  form4: "4",
  form5: "5",
  other: "other",
};

export function parseFormParam(value: string | null | undefined): ConsolidatedKey | null {
  const hit = CONSOLIDATED_KEYS.find((k) => FORM_PARAMS[k] === value || k === value);
  return hit ?? null;
}

export const CONSOLIDATED_TITLES: Record<ConsolidatedKey, string> = {
  form1: "Сводная форма 1",
  form2: "Сводная форма 2",
  form3: "Сводная форма 3",
  form4: "Сводная форма 4",
  form5: "Сводная форма 5",
  other: "Сводная форма «Прочие формы наставничества»",
};

/** Short names for selects and XLSX sheet tabs (a tab holds at most 31 characters). */
export const SHORT_TITLES: Record<ConsolidatedKey, string> = {
  form1: "Форма 1",
  form2: "Форма 2",
  form3: "Форма 3",
  form4: "Форма 4",
  form5: "Форма 5",
  other: "Прочие формы",
};

/** Reports that go into the consolidated tables: approved, and submitted ones when asked for. */
export type IncludedStatus = "approved" | "submitted";

export const INCLUDED_STATUS_LABELS: Record<IncludedStatus, string> = {
  approved: "принят",
  submitted: "на проверке",
};

/** One organisation's report as read from the database. */
export interface SourceReport {
  municipalityId: number;
  municipality: string;
  organisationId: number;
  organisation: string;
  status: IncludedStatus;
  form1: Form1;
  forms: ReportForms;
}

export interface Pair {
  mentors: number;
  mentees: number;
}

/** Sums of rows; form 3 adds young teachers and those with an ИОМ. */
export interface RowTotals extends Pair {
  youngTeachers: number;
  withRoute: number;
}

export interface OrganisationGroup {
  organisationId: number;
  organisation: string;
  status: IncludedStatus;
  rows: ReportRow[];
  sum: RowTotals;
  /** The organisation's distinct persons, as its report states them. */
  distinct: Pair;
}

export interface Totals {
  sum: RowTotals;
  /** Sum of the organisations' distinct totals: each organisation keeps its own register. */
  distinct: Pair;
}

export interface MunicipalityGroup<T> extends Totals {
  municipalityId: number;
  municipality: string;
  organisations: T[];
}

export interface ConsolidatedForm extends Totals {
  key: ReportFormKey;
  municipalities: MunicipalityGroup<OrganisationGroup>[];
}

export interface Form1Line {
  organisationId: number;
  organisation: string;
  status: IncludedStatus;
  form1: Form1;
}

export interface Form1Counts {
  organisations: number;
  learners10to18: number;
  teachingStaff: number;
  youngTeachers: number;
}

export interface Form1Group {
  municipalityId: number;
  municipality: string;
  organisations: Form1Line[];
  totals: Form1Counts;
}

export interface ConsolidatedForm1 {
  municipalities: Form1Group[];
  totals: Form1Counts;
}
