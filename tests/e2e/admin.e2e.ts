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

  it("the admin creates a curator and is shown a one-time link", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await signIn(page, admin.email, admin.password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/admin/users/new`);
    await page.getByLabel("ФИО").fill("Проверкина Ольга Сергеевна");
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("Роль").selectOption("curator");
    const orgSelect = page.getByLabel("Организация");
    const value = await orgSelect.locator("option").nth(1).getAttribute("value");
    await orgSelect.selectOption(value!);
    await page.getByRole("button", { name: "Создать и получить ссылку" }).click();
    const field = page.getByLabel("Ссылка для входа");
    await field.waitFor();
    link = await field.inputValue();
    expect(link).toMatch(/\/set-password\/[\w-]{20,}/);
    await shot(page, "admin-link-issued");
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
});
