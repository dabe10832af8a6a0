/** What the organisation import returns to the browser. Pure. */
import type { Issue } from "@/lib/registry/import/types";

export const IMPORT_MODES = ["check", "all", "valid"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface OrganisationImportPreview {
  fileName: string;
  headerRow: number;
  /** Non-empty data rows of the file. */
  rows: number;
  validRows: number;
  errorRows: number;
  /** Valid rows that add a new organisation / change one already in the directory / change nothing. */
  create: number;
  update: number;
  unchanged: number;
  issues: Issue[];
  notes: string[];
}

export interface OrganisationImportResult {
  preview: OrganisationImportPreview;
  /** Null when nothing was written (a check, or a file with errors imported as a whole). */
  written: { created: number; updated: number } | null;
  message: string;
}
