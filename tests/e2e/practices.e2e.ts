/**
 * Issue 12, parts 3 and 4 in the browser on the demo region: the curator sees ranked mentor suggestions with
 * their reasons; the coordinator recognises the curator's programme as a best practice (a bad note refused in
 * Russian); the ministry finds it in the bank; the region's open data lists it.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, hydrated, launch, shot, signIn } from "./browser";

let browser: Browser;
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
/** Unique enough to find the practice again whatever other tests marked. */
const note = `Проверено в браузере ${Date.now()}: устойчивые пары, рост результатов`;

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 AA violations of the page (axe-core), as «rule: selectors». */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    type Axe = {
      run: (
        c: Document,
        o: object,
      ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
    };
    const r = await (window as unknown as { axe: Axe }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

async function pageAs(role: string): Promise<Page> {
  // bypassCSP: the accessibility check injects axe-core as an inline script.
  const page = await (await browser.newContext({ locale: "ru-RU", bypassCSP: true })).newPage();
  await signIn(page, account(role).email, account(role).password);
  await page.waitForURL(`${BASE}/home`);
  return page;
}

const programme = { id: 0, orgId: 0, title: "" };

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("mentor suggestions and the bank of best practices", () => {
  it("shows the curator mentors ranked for the chosen mentee, with the reasons", async () => {
    const page = await pageAs("curator");
    const orgHref = await page.getByRole("link", { name: "Организация" }).first().getAttribute("href");
    programme.orgId = Number(orgHref?.split("/").pop());
    await page.goto(`${BASE}/registry/programmes?status=current`);
    await page.locator("table a[href^='/registry/programmes/']").first().click();
    await page.waitForURL(/\/registry\/programmes\/\d+$/);
    await hydrated(page); // the mentee boxes and the mentor list work through the page's script
    programme.id = Number(new URL(page.url()).pathname.split("/").pop());
    programme.title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    const mentors = page.getByRole("group", { name: "Наставник" });
    await mentors.getByText("Выберите наставляемых").waitFor();
    await page.getByRole("group", { name: "Наставляемые" }).getByRole("checkbox").first().check();
    await mentors.getByText("Сначала — те, кто лучше подходит").waitFor();
    const reasons = await mentors.locator("li").allInnerTexts();
    expect(
      reasons.some((r) => /совпадает запрос|подходит по возрасту/.test(r)),
      reasons.join("\n"),
    ).toBe(true);
    expect(reasons.some((r) => /свободно \d+ из \d+|свободен|пар/.test(r))).toBe(true);
    await shot(page, "practices-curator-suggestions");
  });

  it("lets the coordinator recognise the programme, refusing a short note in Russian", async () => {
    const page = await pageAs("coordinator");
    await page.goto(`${BASE}/registry/programmes/${programme.id}?org=${programme.orgId}`);
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Банк лучших практик" }) });
    await card.getByLabel("Чем ценна практика").fill("мало");
    await card.getByRole("button", { name: /Признать лучшей практикой|Сохранить/ }).click();
    await card.getByText("Чем ценна практика: не короче 10 символов.").waitFor();
    await card.getByLabel("Чем ценна практика").fill(note);
    await card.getByRole("button", { name: /Признать лучшей практикой|Сохранить/ }).click();
    await card.getByText(/Программа добавлена в банк лучших практик|Изменения сохранены/).waitFor();
    await shot(page, "practices-coordinator-marks");
    await page.goto(`${BASE}/practices`);
    await page.getByText(note).waitFor();
  });

  it("lets the ministry find it in the bank by text and level", async () => {
    const page = await pageAs("ministry");
    await page.getByRole("link", { name: "Лучшие практики" }).click();
    await page.waitForURL(`${BASE}/practices`);
    await page.getByLabel("Поиск", { exact: true }).fill(note.slice(0, 40));
    await page.getByLabel("Уровень признания").selectOption("municipal");
    await page.getByRole("button", { name: "Найти" }).click();
    await page.getByText(note).waitFor();
    expect(await page.getByRole("article").count()).toBe(1);
    await expect(page.getByRole("article").innerText()).resolves.toContain(programme.title);
    await shot(page, "practices-ministry-bank");
    expect(await violations(page)).toEqual([]);
  });

  it("lists it on the region's public page of best practices", async () => {
    const page = await (await browser.newContext({ locale: "ru-RU", bypassCSP: true })).newPage();
    await page.goto(`${BASE}/open`);
    await page
      .getByRole("region", { name: "Регионы" })
      .getByRole("link", { name: "Демонстрационная область" })
      .click();
    await page.getByRole("link", { name: "Банк лучших практик наставничества региона" }).click();
    await page.getByRole("heading", { name: "Банк лучших практик наставничества" }).waitFor();
    await page.getByText(note).waitFor();
    await shot(page, "practices-open-data");
    expect(await violations(page)).toEqual([]);
  });
});
