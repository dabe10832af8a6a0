/** The columns and lines of a consolidated form, shared by the page, XLSX and CSV. Pure. */
import { REQUIRED_DOCUMENT_TYPES } from "../form1";
import {
  AGE_NOTE,
  columnsOf,
  DISTINCT_LABEL,
  FORM_ALSO,
  FORM_HEADINGS,
  TOTAL_LABEL,
  type FormColumn,
} from "../headings";
import type { ReportFormKey } from "../types";
import { consolidateForm, consolidateForm1, sumRows } from "./assemble";
import type { ConsolidatedKey, IncludedStatus, Pair, RowTotals, SourceReport } from "./types";

export type Cell = string | number | null;

export interface Line {
  /**
   * A programme (or form-1 organisation) row, an organisation without programmes, the «Итого, чел» of a group
   * (the sum of its rows) or the line under it with the different people.
   */
  kind: "row" | "empty" | "total" | "distinct";
  level: "organisation" | "municipality" | "all";
  status: IncludedStatus | null;
  /** Aligned with the columns: municipality and organisation first, in every line. */
  cells: Cell[];
}

export interface FormLayout {
  key: ConsolidatedKey;
  /** The seed's title of the form, and what else the form holds. */
  heading: string;
  columns: FormColumn[];
  lines: Line[];
  /** Footnotes printed under the table. */
  notes: string[];
}

export const NO_PROGRAMMES = "нет программ";
export const STATUS_HEADER = "Статус отчёта";

const TOTALS = {
  organisation: [TOTAL_LABEL, DISTINCT_LABEL],
  municipality: [
    "Итого по муниципалитету, чел",
    "из них разных людей (каждый учтён один раз в своей организации), чел",
  ],
  all: ["Всего, чел", "из них разных людей (каждый учтён один раз в своей организации), чел"],
} as const;

export const FORMS_NOTE =
  "«Итого, чел» складывает строки программ: человек из двух программ учтён дважды. Строка «из них разных людей» " +
  "считает каждого один раз в своей организации; итоги муниципалитета и региона складывают итоги организаций.";

/** A line's cells in the order of the columns, from values keyed by column id. */
const place = (columns: FormColumn[], values: Record<string, Cell>): Cell[] =>
  columns.map((c) => values[c.id] ?? null);

/** Forms 2–5 and the appendix: programmes, then «Итого, чел» and the different people of each level. */
function formLines(key: ReportFormKey, columns: FormColumn[], reports: SourceReport[]): Line[] {
  const form = consolidateForm(key, reports);
  const sums = (p: RowTotals): Record<string, Cell> => ({
    mentors: p.mentors,
    mentees: p.mentees,
    ...(key === "form3" ? { youngTeachers: p.youngTeachers, withRoute: p.withRoute } : {}),
  });
  const totals = (
    level: Line["level"],
    m: string,
    o: string,
    t: { sum: RowTotals; distinct: Pair },
  ): Line[] => [
    {
      kind: "total",
      level,
      status: null,
      cells: place(columns, { municipality: m, organisation: o, title: TOTALS[level][0], ...sums(t.sum) }),
    },
    {
      kind: "distinct",
      level,
      status: null,
      cells: place(columns, {
        municipality: m,
        organisation: o,
        title: TOTALS[level][1],
        mentors: t.distinct.mentors,
        mentees: t.distinct.mentees,
      }),
    },
  ];
  const lines: Line[] = [];
  for (const m of form.municipalities) {
    for (const o of m.organisations) {
      const at = { municipality: m.municipality, organisation: o.organisation };
      if (o.rows.length === 0) {
        lines.push({
          kind: "empty",
          level: "organisation",
          status: o.status,
          cells: place(columns, { ...at, title: NO_PROGRAMMES, ...sums(o.sum) }),
        });
        continue;
      }
      for (const r of o.rows) {
        const values = { ...at, title: r.title, ...sums(sumRows([r])), result: r.result ?? "" };
        const details = r.mentorDetails ?? "";
        lines.push({
          kind: "row",
          level: "organisation",
          status: o.status,
          cells: place(columns, { ...values, mentorDetails: details }),
        });
      }
      lines.push(...totals("organisation", m.municipality, o.organisation, o));
    }
    lines.push(...totals("municipality", m.municipality, "", m));
  }
  if (form.municipalities.length > 1) lines.push(...totals("all", "", "", form));
  return lines;
}

/** Form 1: an organisation per row; the counts summed per municipality and overall. */
function form1Lines(columns: FormColumn[], reports: SourceReport[]): Line[] {
  const form = consolidateForm1(reports);
  const lines: Line[] = [];
  const total = (level: "municipality" | "all", m: string, t: typeof form.totals): Line => ({
    kind: "total",
    level,
    status: null,
    cells: place(columns, {
      municipality: m,
      contacts: `${level === "all" ? "Всего" : "Итого по муниципалитету"} (организаций: ${t.organisations}), чел`,
      learners10to18: t.learners10to18,
      teachingStaff: t.teachingStaff,
      youngTeachers: t.youngTeachers,
    }),
  });
  for (const m of form.municipalities) {
    for (const o of m.organisations) {
      const f = o.form1;
      const contacts = [f.directorName, f.phone, f.email, f.address].filter((v) => v?.trim()).join(", ");
      const docs = Object.fromEntries(
        REQUIRED_DOCUMENT_TYPES.map((t) => [`doc:${t}`, f.documents?.[t]?.present ? "да" : "нет"]),
      );
      lines.push({
        kind: "row",
        level: "organisation",
        status: o.status,
        cells: place(columns, {
          municipality: m.municipality,
          organisation: o.organisation,
          contacts,
          learners10to18: f.learners10to18,
          teachingStaff: f.teachingStaff,
          youngTeachers: f.youngTeachers,
          curator: f.curatorName?.trim() || "не назначен",
          ...docs,
        }),
      });
    }
    lines.push(total("municipality", m.municipality, m.totals));
  }
  if (form.municipalities.length > 1) lines.push(total("all", "", form.totals));
  return lines;
}

export function formLayout(key: ConsolidatedKey, reports: SourceReport[]): FormLayout {
  const columns = columnsOf(key);
  const heading = [FORM_HEADINGS[key], FORM_ALSO[key]].filter(Boolean).join(". ");
  return key === "form1"
    ? { key, heading, columns, lines: form1Lines(columns, reports), notes: [AGE_NOTE] }
    : { key, heading, columns, lines: formLines(key, columns, reports), notes: [FORMS_NOTE] };
}

/** Index of the first numeric column: the label of a total spans the columns before it. */
export const labelSpan = (columns: FormColumn[]) => columns.findIndex((c) => c.numeric);

/** The label of a total line: the text of its first named cell. */
export const totalLabel = (line: Line) => line.cells.find((c, i) => i >= 2 && typeof c === "string") ?? "";

const isTotal = (line: Line) => line.kind === "total" || line.kind === "distinct";

/** The Omsk look: a municipality or organisation named only on its first line, totals unnamed. */
export function omskCells(lines: Line[]): Cell[][] {
  let prev: Line | null = null;
  return lines.map((line) => {
    const cells = [...line.cells];
    if (isTotal(line)) {
      cells[0] = cells[1] = null;
    } else {
      const sameM = prev != null && !isTotal(prev) && prev.cells[0] === line.cells[0];
      if (sameM && prev?.cells[1] === line.cells[1]) cells[1] = null;
      if (
        sameM ||
        (prev != null && isTotal(prev) && prev.level === "organisation" && prev.cells[0] === line.cells[0])
      )
        cells[0] = null;
    }
    prev = line;
    return cells;
  });
}
