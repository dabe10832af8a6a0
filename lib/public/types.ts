/** What the public pages show: plain, serialisable data (it is kept in the Next.js data cache). */
import type { ReportFormKey } from "@/lib/reports/types";
import type { Format } from "@/lib/reports/domain";
import type { TableRow } from "@/lib/indicators/view";

export interface PublicOrg {
  id: number;
  slug: string;
  fullName: string;
  shortName: string;
  address: string;
  website: string;
  phone: string;
  email: string;
  curatorName: string;
  curatorContact: string;
  municipality: { id: number; name: string; slug: string };
  region: { id: number; name: string; code: string };
}

export interface PublicDocument {
  id: number;
  type: string;
  typeLabel: string;
  number: string;
  date: string | null;
  title: string;
  /** The file opens at /api/files/[fileId]: the route serves it to anyone while the document is public and in force. */
  fileId: number | null;
}

export interface PublicFormRow {
  title: string;
  mentors: number;
  mentees: number;
  result: string;
}

export interface PublicForm {
  key: ReportFormKey;
  title: string;
  subtitle: string;
  rows: PublicFormRow[];
  /** «из них разных людей»: distinct persons across the form's rows (the «Итого» sums the rows). */
  totalMentors: number;
  totalMentees: number;
}

export interface PublicReport {
  id: number;
  year: number;
  quarter: number;
  label: string;
  approvedAt: string | null;
  forms: PublicForm[];
}

export interface PublicProgramme {
  id: number;
  title: string;
  format: Format;
  formatLabel: string;
  roleModel: string;
  goal: string;
  stageLabel: string;
  startDate: string;
  endDate: string | null;
  expectedResults: string;
  achievedResults: string;
  bestPractice: boolean;
  mentors: number;
  mentees: number;
  /** Adult mentors who consented to publication (mentor_profiles.publishName), «Фамилия Имя Отчество». */
  mentorNames: string[];
}

export interface PublicEvent {
  id: number;
  date: string;
  title: string;
  text: string;
}

export interface FormatCount {
  format: Format | "total";
  label: string;
  mentors: number;
  mentees: number;
}

export interface PublicIndicators {
  years: number[];
  rows: TableRow[];
}

export interface OrgPublicData {
  org: PublicOrg;
  documents: PublicDocument[];
  reports: PublicReport[];
  /** All approved reports, of which `reports` are the latest. */
  reportsTotal: number;
  programmes: PublicProgramme[];
  events: PublicEvent[];
  eventsTotal: number;
  indicators: PublicIndicators;
  byFormat: FormatCount[];
}

export interface OpenTerritory {
  /** «country»: the national open data (region code "", the sum of every region). */
  level: "country" | "region" | "municipality";
  name: string;
  region: { id: number; name: string; code: string };
  municipality: { id: number; name: string; slug: string } | null;
  /** For a region: its municipalities. */
  children: { name: string; slug: string }[];
  indicators: PublicIndicators;
}
