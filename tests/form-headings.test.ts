/**
 * Forms 1–5 as the Omsk forms (seed 002) have them: titles and header rows, word for word, with the merged
 * «Количество вовлеченных в программу» — in the definition, on every screen that shows a form, and in the XLSX.
 */
import ExcelJS from "exceljs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { publicSum, ReportForms as PublicReportForms } from "@/components/public/report-forms";
import { ConsolidatedTable } from "@/components/reports/consolidated/consolidated-table";
import { Form1View, FormTable } from "@/components/reports/report-tables";
import { publicForms } from "@/lib/public/reports";
import { formLayout, STATUS_HEADER } from "@/lib/reports/consolidated/layout";
import { CONSOLIDATED_KEYS, SHORT_TITLES, type SourceReport } from "@/lib/reports/consolidated/types";
import { buildConsolidatedWorkbook, HEADER_ROW } from "@/lib/reports/consolidated/xlsx";
import { emptyForms } from "@/lib/reports/counting";
import {
  columnsOf,
  DISTINCT_LABEL,
  FORM_HEADINGS,
  headerGrid,
  TOTAL_LABEL,
  type FormColumn,
  type FormKey,
} from "@/lib/reports/headings";
import type { Form1, ReportFormKey } from "@/lib/reports/types";
import { mergedRanges } from "@/lib/tabular/xlsx-layout";
import { SEED_FORMS, SEED_TOTAL_LINE } from "./support/seed-forms";

type Grid = { text: string; colSpan: number; rowSpan: number }[][];
const SEED_KEYS = ["form1", "form2", "form3", "form4", "form5"] as const;

/**
 * The seed's tab-separated header rows as merged cells: a text followed by empty top cells over texts below is a
 * group over them; a top text with nothing below spans both rows.
 */
function seedGrid(lines: readonly string[]): Grid {
  const rows = lines.map((l) => l.split("\t"));
  if (rows.length === 1) return [rows[0].map((text) => ({ text, colSpan: 1, rowSpan: 1 }))];
  const at = (r: number, c: number) => rows[r][c] ?? "";
  const width = Math.max(...rows.map((r) => r.length));
  const top: Grid[number] = [];
  const bottom: Grid[number] = [];
  for (let c = 0; c < width;) {
    let span = 1;
    while (c + span < width && at(0, c + span) === "" && at(1, c + span) !== "") span += 1;
    const alone = span === 1 && at(1, c) === "";
    top.push({ text: at(0, c), colSpan: span, rowSpan: alone ? 2 : 1 });
    if (!alone) for (let j = c; j < c + span; j++) bottom.push({ text: at(1, j), colSpan: 1, rowSpan: 1 });
    c += span;
  }
  return [top, bottom];
}

/**
 * The only differences from the seed, on purpose and said once: its markdown emphasis; the typographic dash; the
 * year of the seed's edition (its filled example has none either); 10–18 years as the federal indicator counts,
 * with the footnote; the format names spelt as the app's vocabulary spells them («Студент – ученик»).
 */
function asApp(text: string): string {
  return text
    .replace(/^\*+|\*+$/g, "")
    .replace(" - ", " – ")
    .replace(" на 2021 год", "")
    .replace("от 10 до 19 лет", "от 10 до 18 лет*")
    .replace(/«([^»]+)»/g, (_, name: string) => `«${name.replace(/\s*[-–]\s*/, " – ")}»`);
}

const seedAsApp = (k: (typeof SEED_KEYS)[number]): Grid =>
  seedGrid(SEED_FORMS[k].header).map((row) => row.map((c) => ({ ...c, text: asApp(c.text) })));

const plain = (grid: ReturnType<typeof headerGrid>): Grid =>
  grid.map((row) => row.map(({ text, colSpan, rowSpan }) => ({ text, colSpan, rowSpan })));

/** The seed's columns of a form: without the app's additions and with form 4/5's details under the mentors. */
const seedColumns = (k: FormKey) => columnsOf(k).filter((c) => !c.extra && c.id !== "mentorDetails");

/** The header cells of every <thead> in the markup. */
function renderedHeads(html: string): Grid[] {
  const decode = (s: string) =>
    s
      .replace(/<[^>]+>/g, "")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .trim();
  return [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((head) =>
    [...head[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
      [...tr[1].matchAll(/<th([^>]*)>([\s\S]*?)<\/th>/g)].map(([, attrs, inner]) => ({
        text: decode(inner),
        colSpan: Number(/colSpan="(\d+)"/i.exec(attrs)?.[1] ?? 1),
        rowSpan: Number(/rowSpan="(\d+)"/i.exec(attrs)?.[1] ?? 1),
      })),
    ),
  );
}

const no = { present: false, number: "", date: null };
const form1: Form1 = {
  municipality: "Саргатский район",
  organisation: "СОШ № 1",
  directorName: "Петрова А. С.",
  phone: "8 (38178) 2-11-11",
  email: "s1@school.ru",
  address: "р.п. Саргатское",
  learners10to18: 85,
  teachingStaff: 15,
  youngTeachers: 5,
  curatorName: "Иванова И. И.",
  documents: {
    model_introduction: { present: true, number: "12", date: "2025-09-01" },
    regulation_approval: no,
    pairs_assignment: no,
    personalised_programme: no,
  },
};

function sampleForms() {
  const forms = emptyForms();
  forms.form2 = {
    rows: [
      { programmeId: 1, title: "Программа «Лидер»", mentors: 10, mentees: 10, result: "Рост" },
      { programmeId: 2, title: "Олимпиада", mentors: 3, mentees: 5, result: "" },
    ],
    distinctMentors: 12,
    distinctMentees: 14,
  };
  forms.form3 = {
    rows: [
      {
        programmeId: 3,
        title: "Время работать вместе",
        mentors: 10,
        mentees: 10,
        youngTeachers: 4,
        withRoute: 2,
        result: "",
      },
    ],
    distinctMentors: 10,
    distinctMentees: 10,
  };
  forms.form4 = {
    rows: [
      {
        programmeId: 4,
        title: "Программа «Точный старт»",
        mentors: 4,
        mentees: 4,
        mentorDetails: "Технологический колледж — 4 чел.: Программирование (2 курс)",
        result: "",
      },
    ],
    distinctMentors: 4,
    distinctMentees: 4,
  };
  forms.form5 = {
    rows: [
      {
        programmeId: 5,
        title: "Программа «Шаг в профессию»",
        mentors: 3,
        mentees: 3,
        mentorDetails: "Торговая организация — 3 чел.: маркетолог, менеджер по продажам",
        result: "",
      },
    ],
    distinctMentors: 3,
    distinctMentees: 3,
  };
  return forms;
}

const reports: SourceReport[] = [
  {
    municipalityId: 1,
    municipality: "Саргатский район",
    organisationId: 1,
    organisation: "СОШ № 1",
    status: "approved",
    form1,
    forms: sampleForms(),
  },
];

describe("forms 1–5 word for word from seed 002", () => {
  it("titles are the seed's", () => {
    for (const k of SEED_KEYS) expect(FORM_HEADINGS[k]).toBe(asApp(SEED_FORMS[k].title));
  });

  it("the header rows of every form are the seed's, with «Количество вовлеченных в программу» merged", () => {
    for (const k of SEED_KEYS) expect(plain(headerGrid(seedColumns(k)))).toEqual(seedAsApp(k));
    expect(seedAsApp("form2")[0][3]).toEqual({
      text: "Количество вовлеченных в программу",
      colSpan: 2,
      rowSpan: 1,
    });
  });

  it("the app's additions come after the seed's columns and under its headings", () => {
    const grid = (k: FormKey) => plain(headerGrid(columnsOf(k)));
    // Form 4 and 5: the mentors' count and their details side by side under the seed's «Наставников (…)».
    expect(grid("form4")[0][3]).toEqual({
      text: "Количество вовлеченных в программу",
      colSpan: 3,
      rowSpan: 1,
    });
    expect(grid("form4")[1][0]).toEqual({
      text: "Наставников (наимен. ПОО, специальность, курс)",
      colSpan: 2,
      rowSpan: 1,
    });
    expect(grid("form5")[1][0].text).toBe("Наставников (место работы, должность)");
    // Form 3: young teachers and ИОМ after «наставляемых»; form 1: curator and documents after the six columns.
    expect(
      grid("form3")[1]
        .map((c) => c.text)
        .slice(0, 2),
    ).toEqual(["наставников", "наставляемых"]);
    expect(
      columnsOf("form1")
        .slice(0, 6)
        .every((c) => !c.extra),
    ).toBe(true);
    expect(
      columnsOf("form1")
        .slice(6)
        .every((c) => c.extra),
    ).toBe(true);
    expect(asApp(SEED_TOTAL_LINE.split("\t")[0].replace(/<\/?b>/g, ""))).toBe(TOTAL_LABEL);
  });

  it("every screen that shows a form draws the same merged header", () => {
    const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderedHeads(renderToStaticMarkup(el));
    const forms = sampleForms();
    expect(html(createElement(Form1View, { form1 }))).toEqual([plain(headerGrid(seedColumns("form1")))]);
    for (const k of ["form2", "form3", "form4", "form5", "other"] as ReportFormKey[]) {
      const props = { formKey: k, form: forms[k], municipality: "Р", organisation: "О" };
      expect(html(createElement(FormTable, props))).toEqual([plain(headerGrid(columnsOf(k)))]);
    }
    for (const k of CONSOLIDATED_KEYS) {
      const layout = formLayout(k, reports);
      expect(html(createElement(ConsolidatedTable, { layout, title: "Сводная" }))).toEqual([
        plain(headerGrid(columnsOf(k))),
      ]);
    }
    // The public page publishes counts only: the seed's columns, «наставников» as in the seed's blank form.
    const report = {
      id: 1,
      year: 2025,
      quarter: 4,
      label: "IV квартал",
      approvedAt: null,
      forms: publicForms(forms),
    };
    const names = { municipality: "Р", organisation: "О" };
    const heads = html(createElement(PublicReportForms, { report, names }));
    expect(heads).toHaveLength(4);
    for (const head of heads) expect(head).toEqual(seedAsApp("form2"));
  });

  it("the XLSX has the same header, merged cell for merged cell, under the seed's title", async () => {
    const layouts = CONSOLIDATED_KEYS.map((k) => formLayout(k, reports));
    const bytes = await buildConsolidatedWorkbook({
      layouts,
      period: { year: 2025, quarter: 4 },
      territory: "Омская область",
      includeSubmitted: false,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    for (const layout of layouts) {
      const ws = wb.getWorksheet(SHORT_TITLES[layout.key])!;
      expect(ws.getCell(2, 1).value).toBe(layout.heading);
      const columns: FormColumn[] = [...layout.columns, { id: "status", header: STATUS_HEADER, name: "" }];
      const want = plain(headerGrid(columns));
      const merges = mergedRanges(ws);
      const got: Grid = want.map((_, i) => {
        const r = HEADER_ROW + i;
        const row: Grid[number] = [];
        for (let c = 1; c <= columns.length; c++) {
          const cell = ws.getCell(r, c);
          if (cell.isMerged && cell.master.address !== cell.address) continue;
          const m = merges.find((x) => x.top === r && x.left === c);
          row.push({
            text: String(cell.value),
            colSpan: m ? m.right - m.left + 1 : 1,
            rowSpan: m ? m.bottom - m.top + 1 : 1,
          });
        }
        return row;
      });
      expect(got).toEqual(want);
    }
    expect(mergedRanges(wb.getWorksheet("Форма 2")!)).toEqual(
      expect.arrayContaining([{ top: HEADER_ROW, left: 4, bottom: HEADER_ROW, right: 5 }]),
    );
  });

  it("one «Итого, чел» sums the rows as the seed does; the line under it counts each person once", () => {
    const lines = formLayout("form2", reports).lines;
    const own = lines.filter((l) => l.level === "organisation" && l.kind !== "row");
    expect(own.map((l) => [l.kind, ...l.cells.slice(2, 5)])).toEqual([
      ["total", TOTAL_LABEL, 13, 15],
      ["distinct", DISTINCT_LABEL, 12, 14],
    ]);
    expect(lines.filter((l) => l.cells.includes(TOTAL_LABEL))).toHaveLength(1);
  });

  it("the public «Итого» never gives away a row shown as «менее 5»", () => {
    expect(publicSum([12, 7, 11])).toBe("30");
    expect(publicSum([12, 7, 1, 1, 11])).toBe("более 30");
    expect(publicSum([1, 2])).toBe("—");
    expect(publicSum([2])).toBe("—");
  });
});
