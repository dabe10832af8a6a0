/**
 * Forms 1–5 as the Omsk forms (seed 002) have them, in the browser: the coordinator's consolidated forms carry
 * the seed's headings and merged header, on screen and in the XLSX; the curator's draft shows form 1's documents.
 */
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import {
  AGE_NOTE,
  DISTINCT_LABEL,
  DOCUMENTS_GROUP,
  FORM1_HEADINGS,
  FORM_HEADINGS,
  INVOLVED,
  TOTAL_LABEL,
} from "@/lib/reports/headings";
import { DOCUMENT_TYPE_LABELS, REQUIRED_DOCUMENT_TYPES } from "@/lib/vocabulary";
import { BASE, launch, shot, signIn } from "./browser";

let browser: Browser;
let coordinator: Page;
let curator: Page;
let previous = "";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

async function as(role: string) {
  const page = await (
    await browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } })
  ).newPage();
  await signIn(page, account(role).email, account(role).password);
  await page.waitForURL(`${BASE}/home`);
  return page;
}

/** The seed's headers of form 1 (10–18 as the federal indicator counts, with its footnote). */
const FORM1_SEED = [
  "Муниципальный район",
  "Общеобразовательные организации",
  FORM1_HEADINGS.contacts,
  FORM1_HEADINGS.learners10to18,
  FORM1_HEADINGS.teachingStaff,
  FORM1_HEADINGS.youngTeachers,
];

beforeAll(async () => {
  browser = await launch();
  coordinator = await as("coordinator");
  curator = await as("curator");
  // The quarter before the current one: the demo's reports of it are approved.
  await coordinator.goto(`${BASE}/reports/consolidated`);
  const [y, q] = (await coordinator.locator('select[name="period"]').inputValue()).split("-").map(Number);
  previous = q === 1 ? `${y - 1}-4` : `${y}-${q - 1}`;
});
afterAll(async () => {
  await browser?.close();
});

describe("the Omsk forms in the browser", () => {
  it("the coordinator's consolidated form 1 has the seed's headings and notes the 10–18 years once", async () => {
    await coordinator.goto(`${BASE}/reports/consolidated?period=${previous}&form=1`);
    const table = coordinator.getByRole("table", { name: /Сводная форма 1/ });
    await table.waitFor();
    await coordinator.getByText(FORM_HEADINGS.form1, { exact: true }).waitFor();
    for (const name of FORM1_SEED) await table.getByRole("columnheader", { name, exact: true }).waitFor();
    const docs = table.getByRole("columnheader", { name: DOCUMENTS_GROUP, exact: true });
    expect(await docs.getAttribute("colspan")).toBe("4");
    expect(await coordinator.getByText(AGE_NOTE, { exact: true }).count()).toBe(1);
    expect(await table.getByRole("row").count()).toBeGreaterThan(3);
    await shot(coordinator, "forms-consolidated-form1");
  });

  it("forms 2–5 merge «Количество вовлеченных в программу» over the mentors and mentees; one «Итого, чел»", async () => {
    await coordinator.goto(`${BASE}/reports/consolidated?period=${previous}&form=4`);
    const table = coordinator.getByRole("table", { name: /Сводная форма 4/ });
    await table.waitFor();
    const group = table.getByRole("columnheader", { name: INVOLVED, exact: true });
    expect(await group.getAttribute("colspan")).toBe("3");
    const mentors = table.getByRole("columnheader", {
      name: "Наставников (наимен. ПОО, специальность, курс)",
      exact: true,
    });
    expect(await mentors.getAttribute("colspan")).toBe("2");
    await table.getByRole("columnheader", { name: "наставляемых", exact: true }).waitFor();
    // Every organisation's «Итого, чел» is followed by the line with the different people.
    const labels = await table.locator("tbody th").allInnerTexts();
    const totals = labels.filter((l) => l === TOTAL_LABEL).length;
    expect(totals).toBeGreaterThan(0);
    expect(labels.filter((l) => l === DISTINCT_LABEL).length).toBe(totals);
    expect(labels.some((l) => /сумма строк|без повторов/.test(l))).toBe(false);
    await shot(coordinator, "forms-consolidated-form4");
  });

  it("the XLSX download has the merged headers and prints landscape with the header on every page", async () => {
    await coordinator.goto(`${BASE}/reports/consolidated?period=${previous}&form=1`);
    const href = await coordinator
      .getByRole("link", { name: "Скачать XLSX (все формы)" })
      .getAttribute("href");
    const res = await coordinator.request.get(`${BASE}${href}`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const f1 = wb.getWorksheet("Форма 1")!;
    expect(FORM1_SEED.map((_, i) => f1.getCell(4, i + 1).value)).toEqual(FORM1_SEED);
    expect(f1.model.merges).toEqual(expect.arrayContaining(["A4:A5", "H4:K4"]));
    const f2 = wb.getWorksheet("Форма 2")!;
    expect(f2.getCell("D4").value).toBe(INVOLVED);
    expect([f2.getCell("D5").value, f2.getCell("E5").value]).toEqual(["наставников", "наставляемых"]);
    expect(f2.model.merges).toEqual(expect.arrayContaining(["D4:E4", "A4:A5", "F4:F5"]));
    const f4 = wb.getWorksheet("Форма 4")!;
    expect(f4.getCell("D5").value).toBe("Наставников (наимен. ПОО, специальность, курс)");
    expect(f4.model.merges).toEqual(expect.arrayContaining(["D4:F4", "D5:E5"]));
    for (const ws of wb.worksheets)
      expect(ws.pageSetup).toMatchObject({
        orientation: "landscape",
        paperSize: 9,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "4:5",
      });
  });

  it("the curator's draft shows form 1 with the seed's headings and the four documents", async () => {
    await curator.getByRole("link", { name: /Открыть отчёт|Начать отчёт/ }).click();
    await curator.waitForURL(/\/reports\/\d+\/\d{4}-[1-4]$/);
    if (await curator.getByRole("button", { name: "Начать отчёт" }).count()) {
      await curator.getByRole("button", { name: "Начать отчёт" }).click();
      await curator.getByRole("button", { name: /^Сохранить/ }).waitFor();
    }
    const orgId = new URL(curator.url()).pathname.split("/")[2];
    // Once the report-cycle test has sent the school's report, an administrator opens another school's draft.
    let editor = curator;
    if ((await curator.getByRole("button", { name: /^Сохранить/ }).count()) === 0) {
      const current = new URL(curator.url()).pathname.split("/")[3];
      await coordinator.goto(`${BASE}/reports?period=${current}`);
      const draft = coordinator.locator("tr", { hasText: "Черновик" }).first().getByRole("link").first();
      const href = await draft.getAttribute("href");
      editor = await as("admin");
      await editor.goto(`${BASE}${href}`);
    }
    const form = editor.locator("form").filter({ has: editor.getByText(DOCUMENTS_GROUP) });
    await form.getByLabel(FORM1_HEADINGS.teachingStaff, { exact: true }).waitFor();
    await form.getByLabel(FORM1_HEADINGS.learners10to18, { exact: true }).waitFor();
    for (const t of REQUIRED_DOCUMENT_TYPES) await form.getByText(DOCUMENT_TYPE_LABELS[t]).first().waitFor();
    await shot(editor, "forms-editor-form1");

    // The curator's school's approved report of the previous quarter, as the report view shows it.
    await coordinator.goto(`${BASE}/reports/${orgId}/${previous}`);
    const form1 = coordinator.getByRole("table", { name: /^Форма 1\./ });
    for (const name of FORM1_SEED) await form1.getByRole("columnheader", { name, exact: true }).waitFor();
    for (const t of REQUIRED_DOCUMENT_TYPES)
      await coordinator.getByText(DOCUMENT_TYPE_LABELS[t]).first().waitFor();
    const form2 = coordinator.getByRole("table", { name: /^Форма 2\./ });
    expect(await form2.getByRole("columnheader", { name: INVOLVED }).getAttribute("colspan")).toBe("2");
    await form2.getByRole("rowheader", { name: TOTAL_LABEL, exact: true }).waitFor();
    await form2.getByRole("rowheader", { name: DISTINCT_LABEL, exact: true }).waitFor();
    await shot(coordinator, "forms-report-view");
  });
});
