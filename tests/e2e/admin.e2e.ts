import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, shot, signIn } from "./browser";

let browser: Browser;
const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
const email = `kurator.${Date.now()}@school.example`;
const password = "Новый-пароль-2026";

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("a region goes live: the admin invites a curator", () => {
  let link = "";

  /** The admin creates a curator through the form; the one-time link shown. */
  async function invite(address: string, name: string) {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await signIn(page, admin.email, admin.password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/admin/users/new`);
    await page.getByLabel("ФИО").fill(name);
    await page.getByLabel("Электронная почта").fill(address);
    await page.getByLabel("Роль").selectOption("curator");
    const orgSelect = page.getByLabel("Организация");
    const value = await orgSelect.locator("option").nth(1).getAttribute("value");
    await orgSelect.selectOption(value!);
    await page.getByRole("button", { name: "Создать и получить ссылку" }).click();
    const field = page.getByLabel("Ссылка для входа");
    await field.waitFor();
    const issued = await field.inputValue();
    expect(issued).toMatch(/\/set-password\/[\w-]{20,}/);
    return { page, link: issued };
  }

  it("the admin creates a curator and is shown a one-time link", async () => {
    const issued = await invite(email, "Проверкина Ольга Сергеевна");
    link = issued.link;
    await shot(issued.page, "admin-link-issued");
    await issued.page.context().close();
  });

  it("the curator opens the link, sets a password and signs in", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await page.goto(`${BASE}${new URL(link).pathname}`);
    await page.getByLabel("Новый пароль").fill("короткий");
    await page.getByLabel("Пароль ещё раз").fill("короткий");
    await page.getByRole("button", { name: "Задать пароль" }).click();
    await page.getByRole("alert").first().waitFor();
    await page.getByLabel("Новый пароль").fill(password);
    await page.getByLabel("Пароль ещё раз").fill(password);
    await page.getByRole("button", { name: "Задать пароль" }).click();
    await page.getByRole("link", { name: "Войти" }).click();
    await page.waitForURL(`${BASE}/login`);
    await signIn(page, email, password);
    await page.waitForURL(`${BASE}/home`);
    expect(await page.locator("header").innerText()).toContain("Проверкина Ольга Сергеевна");
    await shot(page, "admin-new-curator-home");
  });

  it("the link works only once", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await page.goto(`${BASE}${new URL(link).pathname}`);
    expect(await page.getByRole("button", { name: "Задать пароль" }).count()).toBe(0);
    expect(await page.locator("main").innerText()).toMatch(/недействительна|использована|устарела/i);
  });

  it("the link works without JavaScript too, and then the new curator signs in", async () => {
    const other = `kurator.nojs.${Date.now()}@school.example`;
    const issued = await invite(other, "Безскриптова Анна Петровна");
    await issued.page.context().close();
    const page = await (await browser.newContext({ locale: "ru-RU", javaScriptEnabled: false })).newPage();
    await page.goto(`${BASE}${new URL(issued.link).pathname}`);
    await page.getByLabel("Новый пароль").fill(password);
    await page.getByLabel("Пароль ещё раз").fill(password);
    await page.getByRole("button", { name: "Задать пароль" }).click();
    // The link is used now: the browser goes to sign in, told that the password is set.
    await page.waitForURL(/\/login\?password=set$/);
    await page.getByText("Пароль задан. Теперь войдите с ним в систему.").waitFor();
    await page.getByLabel("Электронная почта").fill(other);
    await page.getByLabel("Пароль").fill(password);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(`${BASE}/home`);
    await page.context().close();
  });
});
