import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, shot, signIn } from "./browser";

let browser: Browser;
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("officials read the indicators", () => {
  it("the ministry goes from home to the municipalities against 70 % in one click, drills down and downloads a chart", async () => {
    const context = await browser.newContext({ locale: "ru-RU", acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, account("ministry").email, account("ministry").password);
    await page.waitForURL(`${BASE}/home`);
    await page.getByRole("link", { name: "Н1 по муниципалитетам" }).click();
    await page.waitForURL(/\/indicators\/N1/);
    const bars = page.getByRole("table").filter({ hasText: "Место" });
    const text = await bars.innerText();
    expect(text).toMatch(/ниже плана/); // some municipalities lag
    expect(text).toMatch(/по данным \d+ из \d+ организаций/);

    await bars.getByRole("link").first().click();
    await page.waitForURL(/municipality=\d+/);
    // The same chart now ranks the municipality's organisations.
    const drilled = await page.getByRole("table").filter({ hasText: "Место" }).innerText();
    expect(drilled).toMatch(/СОШ|ООШ|Лицей|Гимназия|колледж/);
    await shot(page, "indicators-drill-down");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Скачать SVG" }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const svg = fs.readFileSync((await download.path())!, "utf8");
    expect(svg).toMatch(/^<\?xml|^<svg/);
    expect(svg).toContain("</svg>");
    await context.close();
  });

  it("the indicator table of the region shows plan and fact with coverage", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await signIn(page, account("ministry").email, account("ministry").password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/indicators`);
    const table = await page.locator("main table").first().innerText();
    for (const label of [
      "Доля ОО, реализующих систему наставничества",
      "Доля обучающихся, вовлечённых в наставничество",
      "Доля педагогов, вовлечённых в наставничество",
    ]) {
      expect(table).toContain(label);
    }
    expect(table).toMatch(/по данным \d+ из \d+ организаций/);
    expect(table).not.toMatch(/NaN|Infinity/);
  });

  it("a curator sees only the organisation's own figures", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await signIn(page, account("curator").email, account("curator").password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/indicators`);
    expect(await page.locator("main").innerText()).toContain("МБОУ СОШ № 5");
    const region = await page.goto(`${BASE}/indicators?region=1`);
    const municipality = await page.goto(`${BASE}/indicators/N1?municipality=1`);
    for (const res of [region, municipality]) expect(res?.status()).toBe(404);
  });
});
