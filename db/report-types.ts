/**
 * The shape of a quarterly report's content (see spec/reporting.md): the types of the reports' JSON columns.
 * Pure types, kept here so that the schema needs nothing from lib; lib/reports/types.ts re-exports them.
 */
import type { REQUIRED_DOCUMENT_TYPES } from "./vocabulary";

export type ReportFormKey = "form2" | "form3" | "form4" | "form5" | "other";

export interface Form1 {
  municipality: string;
  organisation: string;
  directorName: string;
  phone: string;
  email: string;
  address: string;
  learners10to18: number;
  teachingStaff: number;
  youngTeachers: number;
  curatorName: string;
  /** The four required documents: in force, with number and date. */
  documents: Record<RequiredDocumentType, { present: boolean; number: string; date: string | null }>;
}

export type RequiredDocumentType = (typeof REQUIRED_DOCUMENT_TYPES)[number];

export interface ReportRow {
  programmeId: number | null;
  title: string;
  mentors: number;
  mentees: number;
  result: string;
  /** Form 3: of the mentees, young teachers and of them with an individual route (ИОМ). */
  youngTeachers?: number;
  withRoute?: number;
  /** Form 4: college, speciality, year of study of the mentors; form 5: workplace and position. */
  mentorDetails?: string;
}

export interface ReportForm {
  rows: ReportRow[];
  /** Distinct persons across the form's rows. */
  distinctMentors: number;
  distinctMentees: number;
}

export type ReportForms = Record<ReportFormKey, ReportForm>;

/** Computed, never typed (except in manual mode, where the curator types the distinct totals). */
export interface ReportSummary {
  learnerMentees: number;
  learnerMentors: number;
  teacherMentors: number;
  youngTeacherMentees: number;
  youngTeachersWithRoute: number;
  learnersAny: number;
  teachersAny: number;
  /** Programmes with at least one active mentorship (indicator 2); with a mentee (indicator 1). */
  activeProgrammes: number;
}
