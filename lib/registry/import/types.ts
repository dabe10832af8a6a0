/** What the import route sends to the browser. Pure: imported by the client panel. */

export const REGISTER_KINDS = ["mentees", "mentors"] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

export const REGISTER_TITLES: Record<RegisterKind, string> = {
  mentees: "База наставляемых",
  mentors: "База наставников",
};

/** One problem of one row: the row number as the curator sees it in Excel, the column's header, a reason. */
export interface Issue {
  row: number;
  column: string;
  message: string;
  level: "error" | "warning";
}

export interface WarningGroup {
  column: string;
  message: string;
  rows: number[];
}

/** A person of the file who is already in the register. */
export interface Duplicate {
  row: number;
  name: string;
  birthYear: number | null;
  existing: { id: number; name: string; birthYear: number | null; category: string };
}

export interface ImportCounts {
  newPersons: number;
  mergedPersons: number;
  newMentorships: number;
  existingMentorships: number;
  newProgrammes: string[];
}

/** A record the import would create that the file does not describe itself: the curator confirms it. */
export interface ProposedRecord {
  /** A person's full name or a programme's title. */
  name: string;
  /** For a person: the role the file names them in. */
  role?: "mentor" | "mentee";
  /** The rows of the file that need it. */
  rows: number[];
}

export interface ImportPreview {
  kind: RegisterKind;
  fileName: string;
  headerRow: number;
  /** Non-empty data rows of the file. */
  rows: number;
  validRows: number;
  errorRows: number;
  /** Every error, row by row. */
  errors: Issue[];
  /** Warnings grouped by column and reason: a minors' register gives one per row, the same each time. */
  warnings: WarningGroup[];
  /** File-level remarks: skipped columns, missing optional columns. */
  notes: string[];
  duplicates: Duplicate[];
  counts: ImportCounts;
  /**
   * Persons named only as a row's mentor or mentee and not found in the register, and programmes to be
   * made for the pairs: created only when the curator confirms them (`confirmNew`).
   */
  proposed: { persons: ProposedRecord[]; programmes: ProposedRecord[] };
  /** Whether this preview was made with the creation of the proposed records confirmed. */
  confirmedNew: boolean;
}

export interface ImportResult {
  importedRows: number;
  skippedRows: number;
  counts: ImportCounts;
}

export type ImportPhase = "read" | "check" | "write";

export type ImportEvent =
  | { type: "progress"; phase: ImportPhase; done: number; total: number }
  | { type: "preview"; preview: ImportPreview }
  | { type: "done"; preview: ImportPreview; result: ImportResult }
  | { type: "error"; message: string; preview?: ImportPreview };

/** The user's decisions sent with the file. */
export interface ImportOptions {
  /** "all": nothing is written from a file with errors; "valid": the valid rows only. */
  rows: "all" | "valid";
  duplicates: "merge" | "create";
  /**
   * The curator confirmed the new persons and programmes of the preview's `proposed`; without it a row
   * that needs one is a row error.
   */
  confirmNew: boolean;
}
