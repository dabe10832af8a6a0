/** The columns and lines of a consolidated form, shared by the page, XLSX and CSV. Pure. */
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import { REQUIRED_DOCUMENT_TYPES } from "../form1";
import type { ReportFormKey } from "../types";
import { FORM1_COUNT_LABELS } from "../validation";
import { consolidateForm, consolidateForm1, sumRows } from "./assemble";
import type { ConsolidatedKey, IncludedStatus, Pair, RowTotals, SourceReport } from "./types";

export type Cell = string | number | null;

export interface Column {
  header: string;
  numeric?: boolean;
  /** Width in characters for XLSX. */
  width: number;
}

export interface Line {
  /** A programme (or form-1 organisation) row, an organisation without programmes, or a total. */
  kind: "row" | "empty" | "total";
  level: "organisation" | "municipality" | "all";
  status: IncludedStatus | null;
  /** Aligned with the columns: municipality and organisation first, in every line. */
  cells: Cell[];
}

export interface FormLayout {
  key: ConsolidatedKey;
  columns: Column[];
  lines: Line[];
}

export const NO_PROGRAMMES = "нет программ";
export const STATUS_HEADER = "Статус отчёта";

const text = (header: string, width: number): Column => ({ header, width });
const count = (header: string, width = 13): Column => ({ header, numeric: true, width });
const LEAD = [text("Муниципальный район", 22), text("Образовательная организация", 28)];

const LABELS = {
  organisation: ["Итого, чел (сумма строк)", "Итого, чел (без повторов)"],
  municipality: ["Итого по муниципалитету, чел (сумма строк)", "Итого по муниципалитету, чел (без повторов)"],
  all: ["Всего, чел (сумма строк)", "Всего, чел (без повторов)"],
} as const;

function formColumns(key: ReportFormKey): Column[] {
  const extra =
    key === "form3"
      ? [count("Из них молодых специалистов, чел", 15), count("Из них с ИОМ, чел")]
      : key === "form4"
        ? [text("Наставники: колледж, специальность, курс", 30)]
        : key === "form5"
          ? [text("Наставники: место работы, должность", 30)]
          : [];
  return [
    ...LEAD,
    text("Наименование программы наставничества", 32),
    count("Наставников, чел"),
    count("Наставляемых, чел"),
    ...extra,
    text("Результат программы", 50),
  ];
}

/** Forms 2–5 and the appendix: programmes, then the two «Итого, чел» lines of each level. */
function formLines(key: ReportFormKey, reports: SourceReport[]): Line[] {
  const form = consolidateForm(key, reports);
  const width = formColumns(key).length;
  const numbers = (p: Pair | RowTotals, distinct: boolean): Cell[] =>
    key !== "form3"
      ? [p.mentors, p.mentees]
      : [
          p.mentors,
          p.mentees,
          distinct ? null : (p as RowTotals).youngTeachers,
          distinct ? null : (p as RowTotals).withRoute,
        ];
  const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(width - cells.length).fill(null)];
  const totals = (
    level: Line["level"],
    m: string,
    o: string,
    t: { sum: RowTotals; distinct: Pair },
  ): Line[] =>
    [false, true].map((distinct, i) => ({
      kind: "total" as const,
      level,
      status: null,
      cells: pad([m, o, LABELS[level][i], ...numbers(distinct ? t.distinct : t.sum, distinct)]),
    }));
  const lines: Line[] = [];
  for (const m of form.municipalities) {
    for (const o of m.organisations) {
      if (o.rows.length === 0) {
        lines.push({
          kind: "empty",
          level: "organisation",
          status: o.status,
          cells: pad([m.municipality, o.organisation, NO_PROGRAMMES, ...numbers(o.sum, false)]),
        });
        continue;
      }
      for (const r of o.rows) {
        const details = key === "form4" || key === "form5" ? [r.mentorDetails ?? ""] : [];
        const cells = [
          m.municipality,
          o.organisation,
          r.title,
          ...numbers(sumRows([r]), false),
          ...details,
          r.result ?? "",
        ];
        lines.push({ kind: "row", level: "organisation", status: o.status, cells });
      }
      lines.push(...totals("organisation", m.municipality, o.organisation, o));
    }
    lines.push(...totals("municipality", m.municipality, "", m));
  }
  if (form.municipalities.length > 1) lines.push(...totals("all", "", "", form));
  return lines;
}

function form1Columns(): Column[] {
  return [
    ...LEAD,
    text("Контакты: ФИО директора, тел., почта, почт. адрес", 40),
    ...Object.values(FORM1_COUNT_LABELS).map((label) => count(`${label}, чел`, 15)),
    text("Куратор внедрения ЦМН назначен", 24),
    ...REQUIRED_DOCUMENT_TYPES.map((t) => text(DOCUMENT_TYPE_LABELS[t], 18)),
  ];
}

/** Form 1: an organisation per row; the counts summed per municipality and overall. */
function form1Lines(reports: SourceReport[]): Line[] {
  const form = consolidateForm1(reports);
  const tail = Array<Cell>(1 + REQUIRED_DOCUMENT_TYPES.length).fill(null);
  const lines: Line[] = [];
  const total = (level: "municipality" | "all", m: string, t: typeof form.totals): Line => ({
    kind: "total",
    level,
    status: null,
    cells: [
      m,
      "",
      `${level === "all" ? "Всего" : "Итого по муниципалитету"} (организаций: ${t.organisations}), чел`,
      t.learners10to18,
      t.teachingStaff,
      t.youngTeachers,
      ...tail,
    ],
  });
  for (const m of form.municipalities) {
    for (const o of m.organisations) {
      const f = o.form1;
      const contacts = [f.directorName, f.phone, f.email, f.address].filter((v) => v?.trim()).join(", ");
      const docs = REQUIRED_DOCUMENT_TYPES.map((t) => (f.documents?.[t]?.present ? "да" : "нет"));
      lines.push({
        kind: "row",
        level: "organisation",
        status: o.status,
        cells: [
          m.municipality,
          o.organisation,
          contacts,
          f.learners10to18,
          f.teachingStaff,
          f.youngTeachers,
          f.curatorName?.trim() || "не назначен",
          ...docs,
        ],
      });
    }
    lines.push(total("municipality", m.municipality, m.totals));
  }
  if (form.municipalities.length > 1) lines.push(total("all", "", form.totals));
  return lines;
}

export function formLayout(key: ConsolidatedKey, reports: SourceReport[]): FormLayout {
  return key === "form1"
    ? { key, columns: form1Columns(), lines: form1Lines(reports) }
    : { key, columns: formColumns(key), lines: formLines(key, reports) };
}

/** Index of the first numeric column: the label of a total spans the columns before it. */
export const labelSpan = (columns: Column[]) => columns.findIndex((c) => c.numeric);

/** The Omsk look: a municipality or organisation named only on its first line, totals unnamed. */
export function omskCells(lines: Line[]): Cell[][] {
  let prev: Line | null = null;
  return lines.map((line) => {
    const cells = [...line.cells];
    if (line.kind === "total") {
      cells[0] = cells[1] = null;
    } else {
      const sameM = prev != null && prev.kind !== "total" && prev.cells[0] === line.cells[0];
      if (sameM && prev?.cells[1] === line.cells[1]) cells[1] = null;
      if (
        sameM ||
        (prev?.kind === "total" && prev.level === "organisation" && prev.cells[0] === line.cells[0])
      )
        cells[0] = null;
    }
    prev = line;
    return cells;
  });
}
