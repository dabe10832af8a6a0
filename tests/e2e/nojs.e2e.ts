import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { WRONG_CREDENTIALS } from "@/lib/auth/messages";
import { BASE, launch, shot } from "./browser";

// Without JavaScript (scripts off, or a click before the page's script has loaded on a slow school network)
// every form that sends data must still post: no password and no personal data in an address.

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every address the browser asked for, pages and their resources alike. */
const urls: string[] = [];
const curator = DEMO_ACCOUNTS.find((a) => a.role === "curator")!;
const year = new Date().getFullYear();
/** A per-run surname of Cyrillic letters only (the register takes only letters in names). */
const surname = `Безскриптова${[...String(Date.now()).slice(-5)]
  .map((d) => "абвгдежзик"[Number(d)])
  .join("")}`;
const birthYear = String(year - 11);

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ locale: "ru-RU", javaScriptEnabled: false });
  page = await context.newPage();
  page.on("request", (request) => urls.push(request.url()));
});
afterAll(async () => {
  await browser?.close();
});

async function fillSignIn(email: string, password: string) {
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
}

describe("forms without JavaScript", () => {
  it("a wrong password re-renders the sign-in form with the message, the e-mail kept", async () => {
    await page.goto(`${BASE}/login`);
    await fillSignIn(curator.email, "не-тот-пароль");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.getByText(WRONG_CREDENTIALS).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByLabel("Электронная почта").inputValue()).toBe(curator.email);
    // The password is never sent back into the page.
    expect(await page.getByLabel("Пароль").inputValue()).toBe("");
  });

  it("signs in and lands on the callback", async () => {
    await page.goto(`${BASE}/login?callbackUrl=${encodeURIComponent("/registry/persons")}`);
    await fillSignIn(curator.email, curator.password);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(`${BASE}/registry/persons`);
  });

  it("adds a minor to the register: a refusal keeps what was typed, then the person is saved", async () => {
    await page.goto(`${BASE}/registry/persons/new`);
    // Rendered on the server with the form's defaults: a pupil, no role ticked in advance.
    const mentee = page.getByLabel("Участвует как наставляемый (анкета «База наставляемых»)");
    expect(await mentee.isChecked()).toBe(false);
    await mentee.check();
    await page.getByLabel("Фамилия").fill(surname);
    await page.getByLabel("Имя", { exact: true }).fill("Ника");
    await page.getByLabel("Год рождения").fill(birthYear);
    await page.getByRole("button", { name: "Добавить в реестр" }).click();
    // A minor mentee without the representative's consent: the server refuses and the page shows why.
    await page
      .getByText("Дата согласия законного представителя наставляемого: обязательна — участнику нет 18 лет.")
      .waitFor();
    expect(await page.getByLabel("Фамилия").inputValue()).toBe(surname);
    expect(await page.getByLabel("Год рождения").inputValue()).toBe(birthYear);
    expect(await page.getByLabel("Участвует как наставляемый (анкета «База наставляемых»)").isChecked()).toBe(
      true,
    );
    await shot(page, "nojs-minor-without-consent");

    await page.getByLabel("Дата согласия законного представителя наставляемого").fill(`${year}-01-10`);
    await page.getByRole("button", { name: "Добавить в реестр" }).click();
    await page.waitForURL(/\/registry\/persons\/\d+$/);
    await page.getByRole("heading", { name: new RegExp(`${surname} Ника`) }).waitFor();

    // The register, last changed first (a search would put the surname into the address).
    await page.goto(`${BASE}/registry/persons?sort=updated`);
    await page
      .getByRole("link", { name: new RegExp(surname) })
      .first()
      .waitFor();
  });

  it("moves a roadmap line down and back up: the page comes back in the new order", async () => {
    await page.goto(`${BASE}/roadmap`);
    await page.waitForURL(/\/roadmap\/org\/\d+$/);
    // The buttons' text ends with the line's title (read by screen readers, hidden on screen).
    const down = page.locator('button[title="Переместить ниже"]');
    const titles = async () => (await down.allTextContents()).map((t) => t.replace(/^↓ Ниже: /, ""));
    const before = await titles();
    expect(before.length).toBeGreaterThan(2);
    // The second line (the first may be a section's heading) goes one down.
    const moved = before[1];
    await down
      .filter({ hasText: `: ${moved}` })
      .first()
      .click();
    await page.waitForLoadState("load");
    await expect.poll(async () => (await titles()).indexOf(moved), { timeout: 30_000 }).toBe(2);
    await page
      .locator('button[title="Переместить выше"]')
      .filter({ hasText: `: ${moved}` })
      .first()
      .click();
    await page.waitForLoadState("load");
    await expect.poll(async () => (await titles()).indexOf(moved), { timeout: 30_000 }).toBe(1);
  });

  it("with the page's script still loading, «Войти» posts the form and signs in", async () => {
    const slow = await browser.newContext({ locale: "ru-RU" });
    const p = await slow.newPage();
    const requests: string[] = [];
    p.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));
    // The scripts arrive only once the form has been sent: a slow school network.
    let release = () => {};
    const loaded = new Promise<void>((resolve) => (release = resolve));
    await p.route("**/_next/static/chunks/*.js", async (route) => {
      await loaded;
      await route.continue();
    });
    try {
      await p.goto(`${BASE}/login`, { waitUntil: "domcontentloaded" });
      await p.getByLabel("Электронная почта").fill(curator.email);
      await p.getByLabel("Пароль").fill(curator.password);
      await p.getByRole("button", { name: "Войти" }).click();
      await p.waitForURL(`${BASE}/home`, { waitUntil: "commit" });
    } finally {
      release();
    }
    expect(requests).toContain(`POST ${BASE}/login`);
    expect(requests.filter((r) => r.includes(curator.password) || /password/i.test(r))).toEqual([]);
    await slow.close();
  });

  it("a control that needs the script says so, and is disabled rather than doing nothing", async () => {
    const coordinator = DEMO_ACCOUNTS.find((a) => a.role === "coordinator")!;
    const own = await browser.newContext({ locale: "ru-RU", javaScriptEnabled: false });
    const other = await own.newPage();
    await other.goto(`${BASE}/login`);
    await other.getByLabel("Электронная почта").fill(coordinator.email);
    await other.getByLabel("Пароль").fill(coordinator.password);
    await other.getByRole("button", { name: "Войти" }).click();
    await other.waitForURL(`${BASE}/home`);
    // A report on review in the demo's current quarter: its decision panel.
    const onReview = other.locator("tbody tr", { hasText: "На проверке" }).first();
    await other.goto(
      new URL((await onReview.locator('a[href^="/reports/"]').first().getAttribute("href"))!, BASE).href,
    );
    // Playwright's getByText leaves <noscript> out; a browser with scripts off shows it.
    const note = other.locator("noscript p", {
      hasText: "Чтобы принять или вернуть отчёт, включите JavaScript в браузере.",
    });
    expect(await note.isVisible()).toBe(true);
    expect(await other.getByRole("button", { name: "Принять отчёт" }).isDisabled()).toBe(true);
    expect(await other.getByRole("button", { name: "Вернуть на доработку" }).isDisabled()).toBe(true);
    await shot(other, "nojs-review-panel");
    await own.close();
  });

  it("no address ever carried the password or the participant's data", () => {
    expect(urls.length).toBeGreaterThan(5);
    const leaks = urls.filter((raw) => {
      const url = decodeURIComponent(raw);
      return (
        /password|пароль/i.test(url) ||
        url.includes(curator.password) ||
        url.includes("не-тот-пароль") ||
        url.includes(surname) ||
        /birthYear/i.test(url) ||
        url.includes(`=${birthYear}`)
      );
    });
    expect(leaks).toEqual([]);
  });
});
