import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, shot, signIn } from "./browser";

let browser: Browser;
const ministry = DEMO_ACCOUNTS.find((a) => a.role === "ministry")!;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the organisations' list of a region", () => {
  it("comes a page at a time, and a search by name, municipality and type narrows it", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await signIn(page, ministry.email, ministry.password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/orgs`);
    const subtitle = await page.locator("main").innerText();
    const total = Number(/(\d+)\s+организац/.exec(subtitle)?.[1]);
    expect(total).toBeGreaterThan(100);
    expect(await page.locator("tbody tr").count()).toBe(50);
    await page.getByText(`Страница 1 из ${Math.ceil(total / 50)}`).waitFor();
    await shot(page, "orgs-ministry");
    await page.getByRole("link", { name: "Следующая →" }).click();
    await page.waitForURL(/page=2/);
    await page.getByText("Страница 2 из").waitFor();

    // A type: a few rows, each of that type.
    await page.getByLabel("Тип").selectOption("college");
    const typeLabel = (await page.getByLabel("Тип").locator("option:checked").innerText()).trim();
    await page.getByRole("button", { name: "Найти" }).click();
    await page.waitForURL(/kind=/);
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.locator("td:nth-child(2)").allInnerTexts()) expect(text).toBe(typeLabel);
    expect(await page.locator("main").innerText()).toContain("Найдено:");

    // A name that no organisation has: a message, not an empty table.
    await page.goto(`${BASE}/orgs?q=${encodeURIComponent("несуществующая школа")}`);
    await page.getByText("Ничего не найдено: измените условия поиска.").waitFor();
    await page.getByRole("link", { name: "Сбросить" }).click();
    await page.waitForURL(`${BASE}/orgs`);
    await page.context().close();
  });
});
