/** An automated WCAG 2.1 AA check (axe-core) of pages of every role and of the public open data. */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, signIn } from "./browser";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The violations on the page as «rule: selectors», to read in a failure. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResult> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, TAGS);
  return found;
}
interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

async function session(role?: string): Promise<Page> {
  // The check injects axe-core as an inline script, which the site's Content-Security-Policy forbids.
  const page = await (await browser.newContext({ locale: "ru-RU", bypassCSP: true })).newPage();
  if (role) {
    const a = DEMO_ACCOUNTS.find((x) => x.role === role)!;
    await signIn(page, a.email, a.password);
    await page.waitForURL(`${BASE}/home`);
  }
  return page;
}

async function check(page: Page, path: string) {
  await page.goto(`${BASE}${path}`);
  await page.waitForLoadState("networkidle");
  expect(await violations(page), path).toEqual([]);
}

describe("WCAG 2.1 AA (axe-core)", () => {
  it("the coordinator's pages, with the consolidated forms' wide tables", async () => {
    const page = await session("coordinator");
    for (const path of ["/home", "/reports", "/admin/audit", "/reports/consolidated"])
      await check(page, path);
    // The wide table scrolls inside a region the keyboard reaches with Tab.
    const region = page.getByRole("region", { name: /^Таблица: Сводная форма 1/ });
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await page.context().close();
  });

  it("the ministry's, the administrator's and the curator's pages", async () => {
    for (const [role, paths] of [
      ["ministry", ["/home", "/indicators", "/indicators/N1", "/indicators/structure"]],
      ["admin", ["/admin/audit", "/admin/directory"]],
      ["curator", ["/home", "/indicators"]],
    ] as const) {
      const page = await session(role);
      for (const path of paths) await check(page, path);
      await page.context().close();
    }
  });

  it("the open data of the region and of a municipality", async () => {
    const page = await session();
    await check(page, "/open");
    await page
      .getByRole("region", { name: "Регионы" })
      .getByRole("link", { name: "Демонстрационная область" })
      .click();
    await page.waitForURL(/\/open\/[^/]+$/);
    await page.waitForLoadState("networkidle");
    expect(await violations(page)).toEqual([]);
    await page.getByRole("region", { name: "Муниципальные образования" }).getByRole("link").first().click();
    await page.waitForURL(/\/open\/[^/]+\/[^/]+$/);
    await page.waitForLoadState("networkidle");
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
