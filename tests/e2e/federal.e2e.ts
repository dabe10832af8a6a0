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

describe("the federal level", () => {
  it("signs in from the demo list, sees every region and drills down to a municipality and a school", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await page.goto(`${BASE}/login`);
    await page.getByRole("button", { name: /Федеральный уровень/ }).click();
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(`${BASE}/home`);
    const home = await page.locator("main").innerText();
    expect(home).toContain("Российская Федерация");
    expect(home).toMatch(/Сдача отчётов за/);
    await shot(page, "federal-home");

    await page.getByRole("link", { name: "Все показатели по регионам" }).click();
    await page.waitForURL(/\/indicators$/);
    const byRegion = page.getByRole("region", { name: /Показатели по регионам/ });
    const regions = await byRegion.innerText();
    for (const name of [
      "Российская Федерация",
      "Демонстрационная область",
      "Озёрная область",
      "Степной край",
    ])
      expect(regions).toContain(name);
    expect(regions).not.toMatch(/NaN|Infinity/);
    await shot(page, "federal-indicators");

    // Region → its municipalities (Н1 bars) → a municipality's schools → a school.
    await byRegion.getByRole("link", { name: "Демонстрационная область" }).click();
    await page.waitForURL(/region=\d+/);
    expect(await page.locator("main h1 + p").innerText()).toContain("Демонстрационная область");
    await page.goto(page.url().replace("/indicators?", "/indicators/N1?"));
    const bars = page.getByRole("table").filter({ hasText: "Место" });
    await bars.getByRole("link").first().click();
    await page.waitForURL(/municipality=\d+/);
    const schools = page.getByRole("table").filter({ hasText: "Место" });
    expect(await schools.innerText()).toMatch(/СОШ|ООШ|Лицей|Гимназия|колледж/);
    await schools.getByRole("link").first().click();
    await page.waitForURL(/organisation=\d+/);
    expect(await page.locator("main").innerText()).toMatch(/Факт и план по годам/);

    // No registers, no lists of persons: the pages of personal data are refused.
    const registers = await page.goto(`${BASE}/registry/persons`);
    expect(page.url()).toMatch(/\/forbidden|\/login/);
    expect(registers?.status()).toBeLessThan(500);
    await page.context().close();
  });

  it("compares the regions and, on request, every municipality of the country", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await signIn(page, account("federal").email, account("federal").password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/indicators/N1`);
    expect(await page.getByRole("table").filter({ hasText: "Место" }).innerText()).toContain(
      "Озёрная область",
    );
    await page.getByRole("link", { name: "Все муниципалитеты страны" }).click();
    await page.waitForURL(/all=municipalities/);
    // 17 municipalities: bars; the distribution appears from 60 on (tests/federal.test.ts).
    expect(await page.locator("main").innerText()).toMatch(/Городской округ Нордград, Озёрная область/);
    await shot(page, "federal-country-municipalities");
    await page.context().close();
  });

  it("keeps a ministry inside its region", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await signIn(page, account("ministry").email, account("ministry").password);
    await page.waitForURL(`${BASE}/home`);
    // The demo region is region 1; the lighter ones follow it.
    for (const path of [
      "/indicators?region=2",
      "/indicators/N1?region=3",
      "/indicators/structure?region=2",
    ]) {
      const res = await page.goto(`${BASE}${path}`);
      expect(res?.status(), path).toBe(404);
    }
    const own = await page.goto(`${BASE}/indicators?region=1`);
    expect(own?.status()).toBe(200);
    expect(await page.locator("main").innerText()).not.toContain("Озёрная область");
    await page.context().close();
  });
});
