import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, shot, signIn } from "./browser";

let browser: Browser;
let curator: Page;
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const SHOTS = process.env.SURVEY_SHOTS;

/** The screenshot in test-results, and (SURVEY_SHOTS) a copy for looking at. */
async function look(page: Page, name: string) {
  await shot(page, `surveys-${name}`);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
}

async function as(role: string) {
  const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await signIn(page, account(role).email, account(role).password);
  await page.waitForURL(`${BASE}/home`);
  return page;
}

/** Answers every question of the form on the page: scales at `score`, yes/no «Да». */
async function answerAll(page: Page, score: string) {
  const sets = page.locator("form fieldset");
  for (let i = 0; i < (await sets.count()); i++) {
    const set = sets.nth(i);
    if ((await set.locator(`input[value="${score}"]`).count()) > 0)
      await set.locator(`input[value="${score}"]`).check({ force: true });
    else if ((await set.locator('input[value="yes"]').count()) > 0)
      await set.locator('input[value="yes"]').check({ force: true });
  }
}

let surveysHref = "";
let link = "";

beforeAll(async () => {
  browser = await launch();
  curator = await as("curator");
});
afterAll(async () => {
  await browser?.close();
});

describe("monitoring surveys in the browser", () => {
  it("the curator opens a programme's questionnaires and issues a one-time link", async () => {
    await curator.goto(`${BASE}/registry/programmes`);
    const first = curator.locator('a[href^="/registry/programmes/"]').filter({ hasNotText: "Новая" }).first();
    await curator.goto(`${BASE}${await first.getAttribute("href")}`);
    await curator.getByRole("link", { name: "Анкеты участников" }).click();
    await curator.waitForURL(/\/surveys$/);
    surveysHref = curator.url();
    await curator.getByRole("heading", { name: /Анкеты участников/ }).waitFor();
    await look(curator, "programme-surveys");
    const row = curator
      .locator("tbody tr")
      .filter({ hasText: "Наставник" })
      .filter({ has: curator.getByRole("button", { name: "Ссылка на анкету" }) })
      .first();
    await row.getByRole("button", { name: "Ссылка на анкету" }).first().click();
    const input = curator.getByLabel("Ссылка на анкету");
    await input.waitFor();
    link = await input.inputValue();
    expect(link).toMatch(/\/survey\/[A-Za-z0-9_-]{43}$/);
    await look(curator, "link-issued");
  });

  it("anyone with the link answers without signing in, once; bad input is refused in Russian", async () => {
    const anon = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    const url = new URL(link);
    await anon.goto(`${BASE}${url.pathname}`);
    await anon.getByRole("heading", { name: /Анкета наставника/ }).waitFor();
    const text = await anon.locator("main").innerText();
    expect(text).not.toMatch(/СОШ|Программа «/);
    await anon.getByRole("button", { name: "Отправить ответы" }).click();
    await anon.getByText("Вопрос 1: обязательный вопрос — ответьте на него.").waitFor();
    await look(anon, "public-refused");
    await answerAll(anon, "8");
    await anon.getByRole("button", { name: "Отправить ответы" }).click();
    await anon.getByText("Спасибо! Ответы сохранены.").waitFor();
    await look(anon, "public-done");
    await anon.goto(`${BASE}${url.pathname}`);
    await anon.getByText(/Ссылка на анкету недействительна/).waitFor();
    await look(anon, "public-used");
  });

  it("the questionnaire works without JavaScript too", async () => {
    await curator.goto(surveysHref);
    const row = curator
      .locator("tbody tr")
      .filter({ has: curator.getByRole("button", { name: "Ссылка на анкету" }) })
      .filter({ hasNotText: "нет 18 лет" })
      .first();
    await row.getByRole("button", { name: "Ссылка на анкету" }).first().click();
    const second = await curator.getByLabel("Ссылка на анкету").inputValue();
    const nojs = await (await browser.newContext({ locale: "ru-RU", javaScriptEnabled: false })).newPage();
    await nojs.goto(`${BASE}${new URL(second).pathname}`);
    await answerAll(nojs, "3");
    await nojs.getByRole("button", { name: "Отправить ответы" }).click();
    await nojs.waitForURL(/\/survey\/done$/);
    await nojs.getByText("Спасибо! Ответы сохранены.").waitFor();
    await nojs.context().close();
  });

  it("the curator types in a paper questionnaire and sees it filled", async () => {
    await curator.goto(surveysHref);
    await curator.getByText("Заполнена по ссылке").first().waitFor();
    await curator.getByRole("link", { name: "Внести с бумаги" }).first().click();
    await curator.getByRole("button", { name: "Сохранить ответы" }).waitFor();
    await answerAll(curator, "6");
    await look(curator, "paper-entry");
    await curator.getByRole("button", { name: "Сохранить ответы" }).click();
    await curator.waitForURL(surveysHref);
    await curator.getByText("Заполнена с бумаги").first().waitFor();
  });

  it("results before vs after by format, with «менее 5», for every role; no names outside the school", async () => {
    await curator.goto(`${BASE}/surveys`);
    await curator.getByRole("heading", { name: "Итоги анкет: до и после программы" }).waitFor();
    await curator.locator(".recharts-surface").first().waitFor();
    await look(curator, "results-curator");
    await curator.goto(`${BASE}/surveys?role=mentee&by=programme`);
    await look(curator, "results-curator-programmes");
    expect(await curator.locator("main").innerText()).toContain("менее 5");
    for (const role of ["coordinator", "ministry", "admin"]) {
      const page = await as(role);
      await page.goto(`${BASE}/surveys`);
      await page.getByRole("heading", { name: "Итоги анкет: до и после программы" }).waitFor();
      await page.locator(".recharts-surface").first().waitFor();
      await look(page, `results-${role}`);
      if (role === "ministry") {
        await page.goto(`${BASE}/surveys?role=mentor&by=programme`);
        await look(page, "results-ministry-programmes");
      }
      await page.context().close();
    }
  }, 300_000);

  it("the admin rewords a question: a new version is published", async () => {
    const admin = await as("admin");
    await admin.goto(`${BASE}/admin/surveys?role=mentor`);
    await admin.getByRole("heading", { name: /версия (\d+)/ }).waitFor();
    const before = Number(
      /версия (\d+)/.exec(await admin.getByRole("heading", { name: /версия/ }).innerText())![1],
    );
    await look(admin, "admin-questionnaire");
    await admin.getByLabel("Текст вопроса").first().fill("Насколько вам интересно быть наставником?");
    await admin.getByRole("button", { name: "Опубликовать новую версию" }).click();
    await admin.getByRole("heading", { name: `Анкета наставника: версия ${before + 1}` }).waitFor();
    // A blank row with a short text is refused in Russian.
    await admin.getByLabel("Текст вопроса").last().fill("Да?");
    await admin.getByRole("button", { name: "Опубликовать новую версию" }).click();
    await admin.getByText("Текст вопроса: не короче 5 символов.").waitFor();
    await admin.context().close();
  }, 180_000);
});
