import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestToday } from "@/lib/clock";
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
    expect(text).toMatch(/по данным [\d\s]+ из [\d\s]+ организаций/);

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

  it("downloads each chart as a 16:9 slide: the whole chart, the indicator's name, territory and years, full names", async () => {
    const context = await browser.newContext({ locale: "ru-RU", acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, account("ministry").email, account("ministry").password);
    await page.waitForURL(`${BASE}/home`);
    await page.goto(`${BASE}/indicators/N1`);
    const title = "Н1. Доля обучающихся, вовлечённых в наставничество";
    const section = (heading: RegExp) =>
      page.locator("section", { has: page.getByRole("heading", { name: heading }) });
    const save = async (where: ReturnType<typeof section>, kind: "PNG" | "SVG") => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        where.getByRole("button", { name: `Скачать ${kind}` }).click(),
      ]);
      return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
    };

    const png = await save(section(/Факт и план по годам/), "PNG");
    expect(png.name).toMatch(/\.png$/);
    // The PNG header: signature, then the IHDR chunk with width and height (big-endian) at bytes 16 and 20.
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1920, 1080]);
    expect(png.bytes.length).toBeGreaterThan(20_000); // a drawn slide, not a 14×66 legend icon

    const line = (await save(section(/Факт и план по годам/), "SVG")).bytes.toString("utf8");
    expect(line).toContain('width="1920" height="1080"');
    expect(line).toContain(`>${title}</text>`);
    // By default the years run to the current one.
    const to = Math.max(2024, Number(latestToday().slice(0, 4)));
    expect(line).toContain(`>Демонстрационная область, 2021–${to} гг.</text>`);

    const barsSection = section(/Муниципалитеты, \d{4} год/);
    const names = (await barsSection.locator("tbody th").allInnerTexts()).map((n) => n.trim());
    expect(names).toContain("Светлоярский муниципальный район");
    const bars = (await save(barsSection, "SVG")).bytes.toString("utf8");
    expect(bars).toContain(`>${title}</text>`);
    expect(bars).toMatch(/>Муниципалитеты — Демонстрационная область, \d{4} год<\/text>/);
    for (const name of names) expect(bars).toContain(`<title>${name}</title>`);
    expect(bars).not.toContain("…");

    // A municipality's chart carries its full name in the file's subtitle.
    await barsSection.getByRole("link", { name: "Светлоярский муниципальный район" }).click();
    await page.waitForURL(/municipality=\d+/);
    const own = (await save(section(/Факт и план по годам/), "SVG")).bytes.toString("utf8");
    expect(own).toMatch(/>Светлоярский муниципальный район, \d{4}–\d{4} гг\.<\/text>/);
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
    expect(table).toMatch(/по данным [\d\s]+ из [\d\s]+ организаций/);
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
