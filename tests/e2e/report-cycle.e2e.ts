import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_CURATOR_SCHOOL } from "@/lib/demo/accounts";
import { DISTINCT_LABEL, FORM1_HEADINGS } from "@/lib/reports/headings";
import { BASE, launch, shot, signIn } from "./browser";
import { submitReport } from "./reports";

let browser: Browser;
let curator: Page;
let coordinator: Page;
let reportPath = "";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

async function as(role: string) {
  const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await signIn(page, account(role).email, account(role).password);
  await page.waitForURL(`${BASE}/home`);
  return page;
}

beforeAll(async () => {
  browser = await launch();
  curator = await as("curator");
  coordinator = await as("coordinator");
});
afterAll(async () => {
  await browser?.close();
});

describe("the demo's current quarter through the whole cycle", () => {
  it("the curator opens the draft computed from the registers and submits it", async () => {
    await curator.getByRole("link", { name: /Открыть отчёт|Начать отчёт/ }).click();
    await curator.waitForURL(/\/reports\/\d+\/\d{4}-[1-4]$/);
    reportPath = new URL(curator.url()).pathname;
    if (await curator.getByRole("button", { name: "Начать отчёт" }).count()) {
      await curator.getByRole("button", { name: "Начать отчёт" }).click();
      await curator.getByRole("button", { name: "Отправить на проверку" }).waitFor();
    }
    await curator.getByText("Рассчитано по реестрам на сегодня").waitFor();
    await submitReport(curator);
    await curator.getByText("На проверке", { exact: true }).first().waitFor();
    await shot(curator, "cycle-1-submitted");
  });

  it("the coordinator must comment to return it, and returns it with a comment", async () => {
    await coordinator.goto(`${BASE}${reportPath}`);
    await coordinator.getByRole("button", { name: "Вернуть на доработку" }).click();
    await coordinator.getByText(/Комментарий: напишите куратору, что исправить/).waitFor();
    await coordinator
      .getByLabel("Комментарий куратору (обязателен при возврате)")
      .fill("Уточните численность педагогов в форме 1");
    await coordinator.getByRole("button", { name: "Вернуть на доработку" }).click();
    await coordinator.getByText("«Уточните численность педагогов в форме 1»").first().waitFor();
    await shot(coordinator, "cycle-2-returned");
  });

  it("the curator sees the comment, fixes form 1 and resubmits", async () => {
    // On the home page and in the list of reports, with who returned it and when.
    await curator.goto(`${BASE}/home`);
    const home = curator.locator("figure", { hasText: "Возвращён на доработку" });
    expect(await home.innerText()).toMatch(/Уточните численность педагогов в форме 1/);
    expect(await home.innerText()).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    await shot(curator, "cycle-3-home-returned");
    const orgId = reportPath.split("/")[2];
    await curator.goto(`${BASE}/reports/${orgId}`);
    await curator
      .getByText(/Уточните численность педагогов в форме 1/)
      .first()
      .waitFor();
    await curator.goto(`${BASE}${reportPath}`);
    await curator.getByText("«Уточните численность педагогов в форме 1»", { exact: false }).first().waitFor();
    const staff = curator.getByLabel(FORM1_HEADINGS.teachingStaff, { exact: true });
    await staff.fill(String(Number(await staff.inputValue()) + 1));
    await submitReport(curator);
    await shot(curator, "cycle-3-resubmitted");
  });

  it("the coordinator approves it; the history keeps every step", async () => {
    await coordinator.goto(`${BASE}${reportPath}`);
    await coordinator.getByRole("button", { name: "Принять отчёт" }).click();
    const dialog = coordinator.getByRole("dialog", { name: "Принять отчёт?" });
    expect(await dialog.innerText()).toMatch(/только если администратор откроет его повторно/);
    await shot(coordinator, "cycle-4-confirm-approval");
    // Cancelling changes nothing; confirming approves.
    await dialog.getByRole("button", { name: "Отмена" }).click();
    expect(await coordinator.getByText(/^Отчёт принят/).count()).toBe(0);
    await coordinator.getByRole("button", { name: "Принять отчёт" }).click();
    await dialog.getByRole("button", { name: "Принять отчёт" }).click();
    await coordinator.getByText(/^Отчёт принят \d/).waitFor();
    const history = await coordinator.locator("aside").innerText();
    expect(history).toMatch(/На проверке → Принят/);
    expect(history).toMatch(/Возвращён → На проверке/);
    expect(history).toContain("Уточните численность педагогов в форме 1");
    expect(await coordinator.getByRole("button", { name: "Вернуть на доработку" }).count()).toBe(0);
    await shot(coordinator, "cycle-4-approved");
  });

  it("the consolidated form 2 shows the school, and its XLSX carries the same totals", async () => {
    const period = reportPath.split("/").pop()!;
    // The organisation's own distinct totals of form 2, as its report shows them.
    await coordinator.goto(`${BASE}${reportPath}`);
    const form2 = coordinator.getByRole("table", { name: /Форма 2/ });
    const distinct = (await form2.locator("tr", { hasText: DISTINCT_LABEL }).innerText())
      .match(/\d+/g)!
      .map(Number);

    await coordinator.goto(`${BASE}/reports/consolidated?period=${period}&form=2`);
    await coordinator.getByText(DEMO_CURATOR_SCHOOL).first().waitFor();
    await shot(coordinator, "cycle-5-consolidated");
    const href = await coordinator
      .getByRole("link", { name: "Скачать XLSX (все формы)" })
      .getAttribute("href");
    const res = await coordinator.request.get(`${BASE}${href}`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((w) => /2/.test(w.name))!;
    const rows: (string | number)[][] = [];
    sheet.eachRow((row) => rows.push((row.values as (string | number)[]).slice(1)));
    const start = rows.findIndex((r) => r.some((c) => c === DEMO_CURATOR_SCHOOL));
    expect(start).toBeGreaterThan(-1);
    // The school's «Итого, чел» (the rows summed), and under it the different people.
    const own = rows.slice(start).find((r) => r.some((c) => c === DISTINCT_LABEL))!;
    expect(own.filter((c) => typeof c === "number").slice(0, 2)).toEqual(distinct.slice(0, 2));
  });
});
