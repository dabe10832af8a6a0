/**
 * The headings of forms 1–5 word for word from the Omsk forms (seed 002), and the merged two-row header they make:
 * one definition for the report, the editor, the consolidated forms, the public page, print, XLSX and CSV. Pure.
 */
import { DOCUMENT_TYPE_LABELS, REQUIRED_DOCUMENT_TYPES } from "@/lib/vocabulary";
import type { ReportFormKey } from "./types";

export type FormKey = "form1" | ReportFormKey;

/** The row-1 label over the counts of forms 2–5 (merged over «наставников | наставляемых»). */
export const INVOLVED = "Количество вовлеченных в программу";
const DATA = "Данные о численности вовлеченности наставников и наставляемых в образовательной организации";

/** The seed's title of each form; the appendix «прочие» is the app's own, worded like the others. */
export const FORM_HEADINGS: Record<FormKey, string> = {
  form1:
    "Информация об общеобразовательных организациях-участниках внедрения региональной целевой модели наставничества",
  form2: `${DATA} по форме «ученик – ученик»`,
  form3: `${DATA} по форме «Учитель – учитель»`,
  form4: `${DATA} по форме «Студент – ученик»`,
  form5: `${DATA} по форме «Работодатель – ученик»`,
  other: `${DATA} по прочим формам наставничества («Педагог – ученик»)`,
};

/** What a form holds beyond the seed's one format (the app's forms gather related formats). */
export const FORM_ALSO: Partial<Record<FormKey, string>> = {
  form2: "В форму входит и «Студент – студент».",
  form5: "В форму входит и «Работодатель – студент».",
};

/** The seed says 10–19 years; the app counts 10–18 as the federal indicator does. Said once, under form 1. */
export const AGE_NOTE =
  "* В форме регионального наставнического центра Омской области — дети от 10 до 19 лет. Здесь, как в федеральном " +
  "показателе целевой модели наставничества, считаются обучающиеся от 10 до 18 лет (возраст — год отчёта минус " +
  "год рождения).";

/** The totals of forms 2–5: the seed's «Итого, чел» sums the rows; the line under it counts each person once. */
export const TOTAL_LABEL = "Итого, чел";
export const DISTINCT_LABEL = "из них разных людей (каждый учтён один раз), чел";

export interface FormColumn {
  id: string;
  /** The text of the column's own header cell (row 2 under a group). Neighbours with the same text share it. */
  header: string;
  /** The row-1 label over neighbouring columns; a column without one has its header over both rows. */
  group?: string;
  /** The column named alone: CSV header, accessible name. */
  name: string;
  numeric?: boolean;
  /** Not in the seed's form: added by the app (curator, documents, form 3's young teachers). */
  extra?: boolean;
}

const col = (id: string, header: string, more: Partial<FormColumn> = {}): FormColumn => ({
  id,
  header,
  name: header,
  ...more,
});

export const MUNICIPALITY = col("municipality", "Муниципальный район");
export const ORGANISATIONS = col("organisation", "Общеобразовательные организации");

/** Form 1's headings, keyed by the report's field. */
export const FORM1_HEADINGS = {
  contacts: "Контакты: ФИО директора, тел., почта, почт. адрес",
  learners10to18: "Общее количество детей в ОО в возрасте от 10 до 18 лет*, чел",
  teachingStaff: "Общее количество педагогических работников в ОО, чел",
  youngTeachers: "Общее количество учителей – молодых специалистов в ОО (с опытом работы от 0 до 3 лет), чел",
  curator: "Куратор внедрения ЦМН назначен",
} as const;

/** The group over form 1's four documents (spec: the four documents that make an organisation «implementing»). */
export const DOCUMENTS_GROUP = "Документы о внедрении ЦМН, действующие в ОО";

export function form1Columns(): FormColumn[] {
  const h = FORM1_HEADINGS;
  return [
    MUNICIPALITY,
    ORGANISATIONS,
    col("contacts", h.contacts),
    col("learners10to18", h.learners10to18, { numeric: true }),
    col("teachingStaff", h.teachingStaff, { numeric: true }),
    col("youngTeachers", h.youngTeachers, { numeric: true }),
    col("curator", h.curator, { extra: true }),
    ...REQUIRED_DOCUMENT_TYPES.map((t) =>
      col(`doc:${t}`, DOCUMENT_TYPE_LABELS[t], {
        group: DOCUMENTS_GROUP,
        name: `${DOCUMENTS_GROUP}: ${DOCUMENT_TYPE_LABELS[t]}`,
        extra: true,
      }),
    ),
  ];
}

/** The mentors' header of each form: form 4 names the college, speciality and year, form 5 the workplace. */
const MENTORS: Record<ReportFormKey, string> = {
  form2: "наставников",
  form3: "наставников",
  form4: "Наставников (наимен. ПОО, специальность, курс)",
  form5: "Наставников (место работы, должность)",
  other: "наставников",
};

export const hasMentorDetails = (key: ReportFormKey) => key === "form4" || key === "form5";

/** Forms 2–5 and the appendix: the seed's columns; form 4 and 5 keep the mentors' count and details apart. */
export function formColumns(key: ReportFormKey): FormColumn[] {
  const involved = (id: string, header: string, name: string, more: Partial<FormColumn> = {}) =>
    col(id, header, { group: INVOLVED, name, ...more });
  return [
    MUNICIPALITY,
    ORGANISATIONS,
    col("title", "Наименование программы наставничества"),
    involved("mentors", MENTORS[key], `${INVOLVED}: наставников, чел`, { numeric: true }),
    ...(hasMentorDetails(key)
      ? [
          involved(
            "mentorDetails",
            MENTORS[key],
            key === "form4"
              ? "Наставники: наименование ПОО, специальность, курс"
              : "Наставники: место работы, должность",
          ),
        ]
      : []),
    involved("mentees", "наставляемых", `${INVOLVED}: наставляемых, чел`, { numeric: true }),
    ...(key === "form3"
      ? [
          involved(
            "youngTeachers",
            "из них молодых специалистов (с опытом работы от 0 до 3 лет)",
            "Из них молодых специалистов, чел",
            { numeric: true, extra: true },
          ),
          involved(
            "withRoute",
            "из них молодых специалистов с ИОМ",
            "Из них молодых специалистов с ИОМ, чел",
            {
              numeric: true,
              extra: true,
            },
          ),
        ]
      : []),
    col("result", "Результат программы"),
  ];
}

export function columnsOf(key: FormKey): FormColumn[] {
  return key === "form1" ? form1Columns() : formColumns(key);
}

/** A header cell of the grid: where it starts (0-based column) and how far it spans. */
export interface HeadCell {
  text: string;
  col: number;
  colSpan: number;
  rowSpan: number;
  numeric: boolean;
}

/**
 * The header as rows of merged cells: a group over its columns in row 1, the columns' own headers in row 2 (the
 * same text over neighbours merged), a column without a group over both rows. One row when nothing is grouped.
 */
export function headerGrid(columns: readonly FormColumn[]): HeadCell[][] {
  const depth = columns.some((c) => c.group) ? 2 : 1;
  const top: HeadCell[] = [];
  const bottom: HeadCell[] = [];
  const numeric = (from: number, span: number) => columns.slice(from, from + span).every((c) => c.numeric);
  for (let i = 0; i < columns.length;) {
    const c = columns[i];
    if (!c.group) {
      top.push({ text: c.header, col: i, colSpan: 1, rowSpan: depth, numeric: Boolean(c.numeric) });
      i += 1;
      continue;
    }
    let end = i;
    while (end + 1 < columns.length && columns[end + 1].group === c.group) end += 1;
    top.push({ text: c.group, col: i, colSpan: end - i + 1, rowSpan: 1, numeric: false });
    for (let j = i; j <= end;) {
      let k = j;
      while (k + 1 <= end && columns[k + 1].header === columns[j].header) k += 1;
      bottom.push({
        text: columns[j].header,
        col: j,
        colSpan: k - j + 1,
        rowSpan: 1,
        numeric: numeric(j, k - j + 1),
      });
      j = k + 1;
    }
    i = end + 1;
  }
  return depth === 2 ? [top, bottom] : [top];
}
