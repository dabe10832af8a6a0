/**
 * Every XLSX the app writes reads and prints well in the office suites schools use: A4 landscape one page wide,
 * the header repeated on every page and frozen, columns no narrower than a header's longest word, and rows as
 * tall as their wrapped text (LibreOffice does not size rows itself).
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { displayCode, INDICATORS } from "@/lib/indicators/definitions";
import type { TableRow } from "@/lib/indicators/view";
import { barsWorkbook, tableWorkbook } from "@/lib/indicators/xlsx";
import { buildWorkbook } from "@/lib/registry/export/workbook";
import { formLayout } from "@/lib/reports/consolidated/layout";
import { CONSOLIDATED_KEYS, type SourceReport } from "@/lib/reports/consolidated/types";
import { buildConsolidatedWorkbook } from "@/lib/reports/consolidated/xlsx";
import { emptyForms } from "@/lib/reports/counting";
import { addSheet, listWorkbook, newWorkbook, workbookBuffer } from "@/lib/tabular/xlsx";
import { mergedRanges } from "@/lib/tabular/xlsx-layout";
import { longestWord, textOf, wrapLines } from "@/lib/tabular/xlsx-text";

const LONG =
  "Петрова Анна Сергеевна, 8 (38178) 2-11-11, school1@obr.omsk.ru, 646400, Омская область, р.п. Саргатское, " +
  "ул. Октябрьская, д. 12";
const RESULT =
  "Улучшение психоэмоциональных показателей наставляемого. Наставляемый принимает участие в творческих " +
  "конкурсах. Наставляемый сам хочет стать наставником в будущем";

function consolidatedReports(): SourceReport[] {
  return [1, 2, 3].map((i) => {
    const forms = emptyForms();
    forms.form2 = {
      rows: [{ programmeId: i, title: "Программа «Лидер»", mentors: 10, mentees: 10, result: RESULT }],
      distinctMentors: 10,
      distinctMentees: 10,
    };
    return {
      municipalityId: 1,
      municipality: "Саргатский муниципальный район",
      organisationId: i,
      organisation: `МБОУ «Средняя общеобразовательная школа № ${i} имени Героя Советского Союза И. И. Иванова»`,
      status: "approved",
      form1: {
        municipality: "",
        organisation: "",
        directorName: "Петрова Анна Сергеевна",
        phone: "8 (38178) 2-11-11",
        email: "school1@obr.omsk.ru",
        address: "646400, Омская область, р.п. Саргатское, ул. Октябрьская, д. 12",
        learners10to18: 300,
        teachingStaff: 40,
        youngTeachers: 5,
        curatorName: "Иванова Ирина Игоревна, заместитель директора по УВР",
        documents: {
          model_introduction: { present: true, number: "1", date: "2025-01-10" },
          regulation_approval: { present: true, number: "2", date: "2025-01-10" },
          pairs_assignment: { present: false, number: "", date: null },
          personalised_programme: { present: false, number: "", date: null },
        },
      },
      forms,
    };
  });
}

const indicatorRows: TableRow[] = INDICATORS.map((d) => ({
  code: d.code,
  number: displayCode(d.code),
  label: d.label,
  unit: d.unit,
  cells: [2021, 2022, 2023, 2024].map((year) => ({
    year,
    fact: 42.5,
    plan: 50,
    planSource: "region",
    below: true,
    numerator: 17,
    denominator: 40,
    covered: 3,
    total: 4,
  })),
}));

/** Every workbook writer of the app, fed rows long enough to wrap. */
const WRITERS: Record<string, () => Promise<Buffer>> = {
  "сводные формы 1–5": () =>
    buildConsolidatedWorkbook({
      layouts: CONSOLIDATED_KEYS.map((k) => formLayout(k, consolidatedReports())),
      period: { year: 2025, quarter: 4 },
      territory: "Омская область",
      includeSubmitted: false,
    }),
  "база наставляемых": () =>
    buildWorkbook("mentees", "МБОУ «СОШ № 1»", [
      [
        1,
        "Иванов Иван Иванович",
        2010,
        RESULT,
        new Date("2025-09-01"),
        "Петрова Анна Сергеевна",
        "Ученик – ученик",
      ],
    ]),
  "база наставников": () =>
    buildWorkbook("mentors", "МБОУ «СОШ № 1»", [[1, "Петрова Анна Сергеевна", LONG, RESULT, RESULT]]),
  "таблица показателей": () =>
    tableWorkbook({ territory: "Омская область", from: 2021, to: 2024, rows: indicatorRows }),
  "данные графика": () =>
    barsWorkbook({
      title: "Показатель 1 — 2024: муниципалитеты",
      unit: "%",
      childLabel: "Муниципалитет",
      target: 70,
      items: [
        { id: 1, name: "Саргатский муниципальный район", value: 50, below: true, covered: 1, total: 2 },
      ],
    }),
  "таблица графика структуры": () =>
    listWorkbook({
      sheet: "Данные графика",
      title: "Документы и куратор в организациях, 2024: Омская область",
      header: ["Документ", "Доля организаций, %", "Организаций", "Организаций с принятым отчётом"],
      rows: [["Приказ об утверждении положения о системе наставничества", 50, 2, 4]],
      widths: [44, 18, 14, 18],
    }),
};

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

describe("every XLSX prints on A4 landscape, one page wide, with rows as tall as their text", () => {
  for (const [name, write] of Object.entries(WRITERS)) {
    it(name, async () => {
      const wb = await load(await write());
      for (const ws of wb.worksheets) {
        const setup = ws.pageSetup;
        expect(setup).toMatchObject({
          paperSize: 9,
          orientation: "landscape",
          fitToWidth: 1,
          fitToHeight: 0,
        });
        expect(setup.fitToPage).toBe(true);
        const titles = /^(\d+):(\d+)$/.exec(setup.printTitlesRow ?? "");
        expect(titles, `${ws.name}: строки заголовка на каждой странице`).not.toBeNull();
        const [first, last] = [Number(titles![1]), Number(titles![2])];
        expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: last });

        const merges = mergedRanges(ws);
        const widthOf = (r: number, c: number) => {
          const m = merges.find((x) => x.top <= r && r <= x.bottom && x.left <= c && c <= x.right);
          const [from, to] = m ? [m.left, m.right] : [c, c];
          let w = 0;
          for (let i = from; i <= to; i++) w += ws.getColumn(i).width ?? 8;
          return { w, rows: m ? m.bottom - m.top + 1 : 1 };
        };
        ws.eachRow((row, r) => {
          expect(row.height, `${ws.name}: высота строки ${r}`).toBeGreaterThan(0);
          row.eachCell((cell, c) => {
            expect(cell.font?.name, `${ws.name}!${cell.address}: шрифт`).toBeTruthy();
            if (cell.isMerged && cell.master.address !== cell.address) return;
            const text = textOf(cell);
            if (!text) return;
            const { w, rows } = widthOf(r, c);
            const bold = Boolean(cell.font?.bold);
            // A line of Calibri takes about 1.2 of its size; a smaller font fits more characters in the width.
            const size = cell.font?.size ?? 11;
            if (r >= first && r <= last && rows === 1 && w === (ws.getColumn(c).width ?? 8))
              expect(
                w,
                `${ws.name}!${cell.address}: слово заголовка «${text}» не разрывается`,
              ).toBeGreaterThanOrEqual((longestWord(text, bold) * size) / 11);
            if (!cell.alignment?.wrapText) return;
            const lines = wrapLines(text, ((w - 0.5) * 11) / size, bold);
            let height = 0;
            for (let i = r; i < r + rows; i++) height += ws.getRow(i).height ?? 15;
            expect(height, `${ws.name}!${cell.address}: ${lines} строк текста`).toBeGreaterThanOrEqual(
              lines * size * 1.2,
            );
          });
        });
      }
    });
  }

  it("the long contacts of form 1 wrap into a taller row, not over the rows below", async () => {
    const ws = (await load(await WRITERS["сводные формы 1–5"]())).getWorksheet("Форма 1")!;
    const row = ws.getRow(6);
    expect(String(row.getCell(3).value)).toContain("Петрова Анна Сергеевна");
    expect(row.getCell(3).alignment?.wrapText).toBe(true);
    expect(row.height).toBeGreaterThanOrEqual(4 * 15);
  });

  it("a sheet that skipped the print layout is refused", async () => {
    const wb = newWorkbook();
    addSheet(wb, "Лист", { widths: [10] }).addRow(["текст"]);
    await expect(workbookBuffer(wb)).rejects.toThrow(/без разметки для печати: Лист/);
  });
});

describe("wrapped lines", () => {
  it("wrap at spaces and break a word longer than the cell", () => {
    expect(wrapLines("да", 10)).toBe(1);
    expect(wrapLines("один два три", 5)).toBe(3);
    expect(wrapLines("строка\nещё строка", 40)).toBe(2);
    expect(wrapLines("а".repeat(25), 10)).toBe(3);
    expect(wrapLines("тел. 2-11-11", 6)).toBe(2);
  });
});
