/**
 * The current year is in view for the ministry: the indicator table runs to this year by default, the
 * programme's 2021–2024 is one click away, and a chart page asked for this year shows this year.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestToday } from "@/lib/clock";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, shot, signIn } from "./browser";

let browser: Browser;
const ministry = DEMO_ACCOUNTS.find((a) => a.role === "ministry")!;
// The server's current year: where the year has already begun (lib/settings currentYear).
const YEAR = Number(latestToday().slice(0, 4));

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the current year", () => {
  it("is in the ministry's indicator table by default, with the programme period as a preset", async () => {
    const page = await browser.newPage({ locale: "ru-RU" });
    await signIn(page, ministry.email, ministry.password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/indicators`);
    const header = await page.locator("table thead").first().innerText();
    expect(header).toContain(String(YEAR));
    expect(header).toContain("2021");
    await shot(page, "indicators-current-year");

    await page.getByRole("link", { name: /2021–2024 \(период программы\)/ }).click();
    await page.waitForURL(/to=2024/);
    const programme = await page.locator("table thead").first().innerText();
    expect(programme).toContain("2024");
    expect(programme).not.toContain(String(YEAR));

    await page.getByRole("link", { name: new RegExp(`2021–${YEAR} \\(по текущий год\\)`) }).click();
    await page.waitForURL(new RegExp(`to=${YEAR}`));
    expect(await page.locator("table thead").first().innerText()).toContain(String(YEAR));
    await page.close();
  });

  it("a chart page asked for this year shows this year, and a later year widens the span", async () => {
    const page = await browser.newPage({ locale: "ru-RU" });
    await signIn(page, ministry.email, ministry.password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/indicators/3?year=${YEAR}`);
    await expect
      .poll(() => page.getByRole("heading", { name: new RegExp(`${YEAR} год`) }).count())
      .toBeGreaterThan(0);
    await page.goto(`${BASE}/indicators/3?year=${YEAR + 2}`);
    expect(await page.locator("main").innerText()).toContain(`2021–${YEAR + 2} гг.`);
    await page.close();
  });
});
