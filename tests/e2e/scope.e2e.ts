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

describe("a curator gets nothing of another organisation", () => {
  it("sees a «not found» page for another organisation's card, and nothing of its data", async () => {
    const coordinator = DEMO_ACCOUNTS.find((a) => a.role === "coordinator")!;
    const curator = DEMO_ACCOUNTS.find((a) => a.role === "curator")!;

    // The coordinator's list names the organisations of the municipality: pick one that is not the curator's.
    const cPage = await browser.newPage();
    await signIn(cPage, coordinator.email, coordinator.password);
    await cPage.waitForURL(`${BASE}/home`);
    await cPage.goto(`${BASE}/orgs`);
    const links = await cPage
      .locator('tbody a[href^="/orgs/"]')
      .evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
    await cPage.close();

    const page = await browser.newPage();
    await signIn(page, curator.email, curator.password);
    await page.waitForURL(`${BASE}/home`);
    // The menu's link names the curator's own card (read, not clicked: a click's client-side navigation could
    // still be running when the next page is opened).
    const own = await page.getByRole("link", { name: "Организация" }).getAttribute("href");
    const [otherHref, otherName] = links.find(([href]) => href !== own)!;

    const response = await page.goto(`${BASE}${otherHref}`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Страница не найдена" }).waitFor();
    const body = await page.locator("body").innerText();
    expect(body).toContain("Страница не найдена");
    expect(body).not.toContain(String(otherName));
    await shot(page, "scope-curator-other-org");
    await page.close();
  });
});
