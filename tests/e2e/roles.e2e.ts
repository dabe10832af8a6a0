import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, shot, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

describe("every demo role signs in and sees its home page with real figures", () => {
  it("lists the demo accounts on the sign-in page of the demo database", async () => {
    const page = await browser.newPage();
    await page.goto(`${BASE}/login`);
    for (const a of DEMO_ACCOUNTS) expect(await page.getByText(a.email).count()).toBeGreaterThan(0);
    await shot(page, "login");
    await page.close();
  });

  it("curator: the organisation's register sizes and the current report", async () => {
    const page = await browser.newPage();
    await signIn(page, account("curator").email, account("curator").password);
    await page.waitForURL(`${BASE}/home`);
    const persons = await page.getByText("Участников в реестре").locator("..").innerText();
    expect(Number(persons.replace(/\D/g, ""))).toBeGreaterThan(10);
    expect(await page.getByRole("heading", { name: /^Отчёт за .* квартал/ }).count()).toBe(1);
    await shot(page, "home-curator");
    await page.close();
  });

  it("coordinator: completeness of the current quarter by organisation, with every status", async () => {
    const page = await browser.newPage();
    await signIn(page, account("coordinator").email, account("coordinator").password);
    await page.waitForURL(`${BASE}/home`);
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/Полнота сдачи\s+\d+,\d %/);
    for (const status of ["Черновик", "На проверке", "Возвращён", "Принят"]) expect(text).toContain(status);
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(10);
    await shot(page, "home-coordinator");
    await page.close();
  });

  it("ministry: Н1 and Н2 for 2021–2024 with plan and coverage", async () => {
    const page = await browser.newPage();
    await signIn(page, account("ministry").email, account("ministry").password);
    await page.waitForURL(`${BASE}/home`);
    const text = await page.locator("main").innerText();
    expect(text).toContain("Н1. Доля обучающихся");
    expect(text).toContain("Н2. Доля педагогов");
    for (const year of ["2021", "2022", "2023", "2024"]) expect(text).toContain(year);
    expect(text).toMatch(/\d+,\d %/);
    expect(text).toMatch(/по данным [\d\s]+ из [\d\s]+ организаций/);
    expect(text).not.toContain("NaN");
    await shot(page, "home-ministry");
    await page.close();
  });

  it("admin: the counts of the region", async () => {
    const page = await browser.newPage();
    await signIn(page, account("admin").email, account("admin").password);
    await page.waitForURL(`${BASE}/home`);
    const orgs = await page
      .locator("div", { has: page.getByText("Организаций", { exact: true }) })
      .last()
      .innerText();
    expect(Number(orgs.replace(/\D/g, ""))).toBeGreaterThan(100);
    await shot(page, "home-admin");
    await page.close();
  });
});

describe("bad input and expired sessions get a clear Russian answer", () => {
  it("a wrong password gets one message that does not reveal whether the e-mail exists", async () => {
    const page = await browser.newPage();
    await signIn(page, account("curator").email, "wrong-password");
    await expect(
      page.getByRole("alert").filter({ hasText: "Неверный адрес электронной почты или пароль." }).waitFor(),
    ).resolves.toBeUndefined();
    await signIn(page, "nobody@nastavnik.demo", "wrong-password");
    await page
      .getByRole("alert")
      .filter({ hasText: "Неверный адрес электронной почты или пароль." })
      .waitFor();
    await page.getByLabel("Электронная почта").fill("не почта");
    await page.getByLabel("Пароль").fill("");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.getByText("Введите пароль.").waitFor();
    await shot(page, "login-errors");
    await page.close();
  });

  it("an anonymous visitor of an app page is sent to sign in", async () => {
    const page = await browser.newPage();
    await page.goto(`${BASE}/home`);
    expect(page.url()).toContain("/login");
    await page.close();
  });

  it("a forged session cookie counts as no session", async () => {
    const context = await browser.newContext();
    await context.addCookies([{ name: "authjs.session-token", value: "forged", url: BASE }]);
    const page = await context.newPage();
    await page.goto(`${BASE}/home`);
    expect(page.url()).toContain("/login");
    expect(await page.content()).not.toMatch(/at .*\.js:\d+/);
    await context.close();
  });
});
