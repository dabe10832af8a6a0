/**
 * Kept pages (lib/http/kept-pages.ts, scripts/http-server.mjs): an indicator page a signed-in user opens again
 * comes from its rendered HTML. What must hold: a fresh CSP nonce on every answer and scripts that still run;
 * a change of the data shows at once; a copy is only ever its own user's, and a signed-out session gets none.
 */
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, shot, signIn } from "./browser";

let browser: Browser;
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const nonceOf = (res: Response | null) =>
  /'nonce-([^']+)'/.exec(res?.headers()["content-security-policy"] ?? "")?.[1];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-in page of `role` that records CSP violations. */
async function signedIn(role: string) {
  const context = await browser.newContext({ locale: "ru-RU", acceptDownloads: true });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text()))
      violations.push(m.text());
  });
  await signIn(page, account(role).email, account(role).password);
  await page.waitForURL(`${BASE}/home`);
  return { context, page, violations };
}

/** Opens `path` until it comes from a kept copy (the first visit renders and keeps it). */
async function openKept(page: Page, path: string) {
  await page.goto(`${BASE}${path}`);
  const res = await page.goto(`${BASE}${path}`);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["x-kept-page"]).toBe("1");
  return res;
}

describe("kept indicator pages", () => {
  it("come with a new nonce each time, and their scripts run: a chart downloads, the menu navigates", async () => {
    const { context, page, violations } = await signedIn("ministry");
    const first = await page.goto(`${BASE}/indicators/N1`);
    const kept = await openKept(page, "/indicators/N1");
    expect(nonceOf(kept)).toBeTruthy();
    expect(nonceOf(kept)).not.toBe(nonceOf(first));
    // The copy answers with the headers of the page Next.js rendered, Vary included.
    const tokens = (v?: string) => (v ?? "").split(/[\s,]+/).filter(Boolean);
    for (const token of tokens(first?.headers().vary)) expect(tokens(kept?.headers().vary)).toContain(token);
    expect(kept?.headers()["cache-control"]).toBe(first?.headers()["cache-control"]);
    // The scripts on the page carry the answer's nonce, not the one the copy was made with.
    const nonces = await page
      .locator("script[nonce]")
      .evaluateAll((s) => s.map((e) => (e as HTMLScriptElement).nonce));
    expect(nonces.length).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Скачать SVG" }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    await page.locator('nav[aria-label="Основное меню"] a', { hasText: "Показатели" }).click();
    await page.waitForURL(`${BASE}/indicators`);
    await shot(page, "kept-indicators-after-navigation");
    expect(violations).toEqual([]);
    await context.close();
  });

  it("a change of the plans shows at once on a kept page", async () => {
    const ministry = await signedIn("ministry");
    await openKept(ministry.page, "/indicators");
    const admin = await signedIn("admin");
    await admin.page.goto(`${BASE}/indicators/targets`);
    const field = admin.page.getByLabel("Н1, 2024 год: план, %");
    const before = await field.inputValue();
    const changed = before === "73.7" ? "73.9" : "73.7";
    const save = async (value: string) => {
      await field.fill(value);
      await admin.page.getByRole("button", { name: "Сохранить планы" }).click();
      await admin.page
        .getByText(/сохранен/i)
        .first()
        .waitFor({ timeout: 15_000 });
      await admin.page.reload();
    };
    try {
      await save(changed);
      const res = await ministry.page.goto(`${BASE}/indicators`);
      expect(res?.headers()["x-kept-page"]).toBeUndefined();
      await expect(ministry.page.locator("main").innerText()).resolves.toContain(changed.replace(".", ","));
    } finally {
      await save(before);
    }
    await ministry.context.close();
    await admin.context.close();
  });

  it("are their own user's only, and a signed-out session gets none", async () => {
    const ministry = await signedIn("ministry");
    await openKept(ministry.page, "/indicators/N1");
    const coordinator = await signedIn("coordinator");
    // The same address, another user: rendered for them (their municipality), not the ministry's copy.
    const theirs = await coordinator.page.goto(`${BASE}/indicators/N1`);
    expect(theirs?.headers()["x-kept-page"]).toBeUndefined();
    await expect(coordinator.page.locator("header").innerText()).resolves.toContain(
      "Муниципальный координатор",
    );

    const cookie = (await ministry.context.cookies()).find((c) => c.name === "authjs.session-token")!;
    await ministry.page.getByRole("button", { name: "Выйти" }).click();
    await ministry.page.waitForURL(/\/login/);
    const after = await fetch(`${BASE}/indicators/N1`, {
      redirect: "manual",
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(after.headers.get("x-kept-page")).toBeNull();
    expect(after.status).toBeGreaterThanOrEqual(300);
    expect(after.status).toBeLessThan(400);
    expect(after.headers.get("location")).toMatch(/\/login/);
    await ministry.context.close();
    await coordinator.context.close();
  });
});
