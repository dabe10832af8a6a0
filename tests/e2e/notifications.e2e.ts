/**
 * Reminders in the browser (issue 13): the coordinator returns the demo curator's report with a comment; the
 * curator's bell counts it, the list shows the comment, marking it read lowers the count; the profile keeps the
 * curator's choice of e-mails.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, shot, signIn } from "./browser";
import { submitReport } from "./reports";

let browser: Browser;
let curator: Page;
let coordinator: Page;
let reportPath = "";
const COMMENT = "Проверьте число наставников в форме 2 (напоминание)";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

async function as(role: string) {
  const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await signIn(page, account(role).email, account(role).password);
  await page.waitForURL(`${BASE}/home`);
  return page;
}

/** The unread figure the bell in the header shows (its accessible name says it in words). */
async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByRole("link", { name: /^Уведомления:/ }).getAttribute("aria-label")) ?? "";
  const m = /(\d+)/.exec(label);
  return m ? Number(m[1]) : 0;
}

beforeAll(async () => {
  browser = await launch();
  curator = await as("curator");
  coordinator = await as("coordinator");
});
afterAll(async () => {
  await browser?.close();
});

describe("a returned report reaches the curator's bell", () => {
  it("the curator's current report is on review (sent now, or reopened by the admin and sent)", async () => {
    await curator
      .getByRole("link", { name: /Открыть отчёт|Начать отчёт/ })
      .first()
      .click();
    await curator.waitForURL(/\/reports\/\d+\/\d{4}-[1-4]$/);
    reportPath = new URL(curator.url()).pathname;
    if (await curator.getByRole("button", { name: "Начать отчёт" }).count()) {
      await curator.getByRole("button", { name: "Начать отчёт" }).click();
      await curator.getByRole("button", { name: "Отправить на проверку" }).waitFor();
    }
    if (await curator.getByText("Принят", { exact: true }).count()) {
      const admin = await as("admin");
      await admin.goto(`${BASE}${reportPath}`);
      await admin.getByLabel("Причина повторного открытия").fill("Проверка напоминаний");
      await admin.getByRole("button", { name: "Открыть повторно" }).click();
      // The success line lives in the panel, which the page's refresh removes at once: wait for that instead.
      await admin.getByRole("button", { name: "Открыть повторно" }).waitFor({ state: "detached" });
      await curator.reload();
    }
    if (await curator.getByRole("button", { name: "Отправить на проверку" }).count())
      await submitReport(curator);
    await curator.getByText("На проверке", { exact: true }).first().waitFor();
  });

  it("the coordinator returns it; the curator's bell counts one more, the list shows the comment", async () => {
    await curator.goto(`${BASE}/home`);
    const before = await bellCount(curator);
    await coordinator.goto(`${BASE}${reportPath}`);
    await coordinator.getByLabel("Комментарий куратору (обязателен при возврате)").fill(COMMENT);
    await coordinator.getByRole("button", { name: "Вернуть на доработку" }).click();
    await coordinator.getByText(`«${COMMENT}»`).first().waitFor();

    await curator.goto(`${BASE}/home`);
    expect(await bellCount(curator)).toBe(before + 1);
    await shot(curator, "notifications-1-bell");
    await curator.getByRole("link", { name: /^Уведомления:/ }).click();
    await curator.waitForURL(`${BASE}/notifications`);
    const item = curator.getByRole("listitem").filter({ hasText: COMMENT }).first();
    expect(await item.innerText()).toMatch(/Отчёт возвращён на доработку/);
    await shot(curator, "notifications-2-list");

    await item.getByRole("button", { name: "Отметить прочитанным" }).click();
    // The page is already at its address: wait for the action's answer (the button goes), then reload.
    await item.getByRole("button", { name: "Отметить прочитанным" }).waitFor({ state: "detached" });
    await curator.reload();
    const read = curator.getByRole("listitem").filter({ hasText: COMMENT }).first();
    expect(await read.getByRole("button", { name: "Отметить прочитанным" }).count()).toBe(0);
    expect(await bellCount(curator)).toBe(before);
    // The link leads to the report, where the comment is too.
    await curator.getByRole("listitem").filter({ hasText: COMMENT }).first().getByRole("link").click();
    await curator.waitForURL(`${BASE}${reportPath}`);
    await curator.getByText(`«${COMMENT}»`, { exact: false }).first().waitFor();
  });

  it("the curator turns an e-mail off in the profile, and it stays off", async () => {
    // The user's name in the header leads to the profile.
    await curator.goto(`${BASE}/home`);
    await curator.locator(`header a[href="/profile"]`).click();
    await curator.waitForURL(`${BASE}/profile`);
    const box = curator.getByLabel("Приближается срок сдачи отчёта");
    await box.waitFor();
    if (!(await box.isChecked())) await box.check();
    await box.uncheck();
    await curator.getByRole("button", { name: "Сохранить" }).click();
    await curator.getByText("Настройки писем сохранены.").waitFor();
    await shot(curator, "notifications-3-profile");
    await curator.reload();
    expect(await curator.getByLabel("Приближается срок сдачи отчёта").isChecked()).toBe(false);
    expect(await curator.getByLabel("Отчёт возвращён на доработку").isChecked()).toBe(true);
  });

  it("the coordinator's bell shows the submissions of the municipality", async () => {
    await coordinator.goto(`${BASE}/notifications`);
    await coordinator.getByRole("heading", { name: "Уведомления", level: 1 }).waitFor();
    expect(await coordinator.getByText("Отчёт отправлен на проверку").count()).toBeGreaterThan(0);
    await shot(coordinator, "notifications-4-coordinator");
  });
});
