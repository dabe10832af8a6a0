import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, signIn } from "./browser";

let browser: Browser;
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const tag = [...String(Date.now()).slice(-5)].map((d) => "абвгдежзик"[Number(d)]).join("");
/** Screenshots for review, when asked (ROADMAP_SHOTS=/work/shots/roadmap). */
const SHOTS = process.env.ROADMAP_SHOTS;
/** expect.poll with room for a shared machine under load. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

async function as(role: string): Promise<Page> {
  const page = await (
    await browser.newContext({ locale: "ru-RU", viewport: { width: 1360, height: 900 } })
  ).newPage();
  await signIn(page, account(role).email, account(role).password);
  await page.waitForURL(`${BASE}/home`);
  return page;
}

async function look(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("roadmaps in the browser", () => {
  it("a curator adds an item, marks it done, and sees overdue ones marked in words", async () => {
    const page = await as("curator");
    await page.getByRole("link", { name: "Дорожная карта" }).click();
    await page.waitForURL(/\/roadmap\/org\/\d+$/);
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/дорожная карта/i);
    await look(page, "curator-roadmap");
    const title = `Методический день наставников ${tag}`;
    const form = page.getByRole("region", { name: "Новая строка" });
    await form.getByLabel("В раздел").selectOption({ index: 1 });
    await form.getByLabel("Наименование мероприятия").fill(title);
    await form.getByLabel("Срок реализации").fill("31.02.2026");
    await form.getByRole("button", { name: "Добавить мероприятие" }).click();
    await poll(() => form.getByText(/такой даты нет/).count()).toBeGreaterThan(0);
    await look(page, "curator-bad-due");
    await form.getByLabel("Срок реализации").fill("март 2026");
    await form.getByLabel("Ответственный исполнитель").fill("Заместитель директора по УВР");
    await form.getByRole("button", { name: "Добавить мероприятие" }).click();
    const row = page.getByRole("row").filter({ hasText: title });
    await poll(() => row.count()).toBe(1);
    // Its due (March 2026) has passed by the demo's today: marked in words, not only in colour.
    await poll(() => row.getByText("Просрочено").count()).toBeGreaterThan(0);
    // «↑ Выше» moves it one line up, and the table shows the new order.
    const place = async () =>
      (await page.getByRole("row").allInnerTexts()).findIndex((t) => t.includes(title));
    const before = await place();
    await row.getByRole("button", { name: /Выше/ }).click();
    await poll(place).toBe(before - 1);

    await row.getByRole("link", { name: /Изменить/ }).click();
    await page.waitForURL(/\/roadmap\/item\/\d+$/);
    await page.getByLabel("Статус").selectOption("done");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await poll(() => page.getByText(/укажите, когда мероприятие выполнено/).count()).toBeGreaterThan(0);
    await page.getByLabel("Дата выполнения").fill("2026-03-20");
    await look(page, "curator-edit");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await page.waitForURL(/\/roadmap\/org\/\d+$/);
    const saved = page.getByRole("row").filter({ hasText: title });
    await poll(() => saved.getByText("выполнено", { exact: true }).count()).toBe(1);
    expect(await saved.getByText("Просрочено").count()).toBe(0);
    expect(await saved.getByText("20.03.2026").count()).toBe(1);

    // The download is the seed's table.
    const download = await page.request.get(
      `${page.url().replace(/\/roadmap\/org\/(\d+)$/, "/api/roadmap/export?level=organisation&id=$1")}`,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("spreadsheetml");
  });

  it("a coordinator sees the organisations' overdue items and opens one organisation's roadmap", async () => {
    const page = await as("coordinator");
    await page.getByRole("link", { name: "Дорожные карты" }).click();
    await page.waitForURL(/\/roadmap\/municipality\/\d+$/);
    // 78 overdue items of the demo are folded under their count, above the municipality's own roadmap.
    const folded = page.locator("summary", { hasText: "Просроченные мероприятия организаций:" });
    expect(await folded.innerText()).toMatch(/: \d+ в \d+ организаци(и|ях)$/);
    await look(page, "coordinator-roadmap");
    await folded.click();
    const overdue = page.getByRole("region", { name: "Таблица: Просроченные мероприятия организаций" });
    await poll(() => overdue.getByRole("row").count()).toBeGreaterThan(1);
    // A page of 25 at a time, counted in SQL: the next page opens with the list unfolded.
    expect(await overdue.getByRole("row").count()).toBeLessThanOrEqual(26);
    const total = Number(/: (\d+) в/.exec(await folded.innerText())![1]);
    if (total > 25) {
      await page.getByRole("link", { name: "Следующая →" }).click();
      await page.waitForURL(/\?page=2$/);
      await poll(() => page.getByText(`Страница 2 из ${Math.ceil(total / 25)}`).count()).toBe(1);
      await poll(() => overdue.getByRole("row").count()).toBeGreaterThan(1);
      await look(page, "coordinator-roadmap-overdue-page-2");
    }
    const first = overdue.getByRole("row").nth(1);
    expect(await first.getByText(/просрочено с/).count()).toBe(1);
    await first.getByRole("link").first().click();
    await page.waitForURL(/\/roadmap\/org\/\d+$/);
    await poll(() => page.getByText("Только просмотр.").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Добавить мероприятие" }).count()).toBe(0);
    expect(await page.getByText("Просрочено").count()).toBeGreaterThan(0);
    await look(page, "coordinator-org-roadmap");
  });

  it("the ministry reads the region's roadmap and the municipalities' summary; the admin may edit the region's", async () => {
    const ministry = await as("ministry");
    await ministry.goto(`${BASE}/roadmap`);
    await ministry.waitForURL(/\/roadmap\/region$/);
    await poll(() =>
      ministry.getByRole("heading", { name: "Дорожные карты муниципалитетов и организаций" }).count(),
    ).toBe(1);
    expect(await ministry.getByText("Только просмотр.").count()).toBe(1);
    await look(ministry, "ministry-region");
    const admin = await as("admin");
    await admin.goto(`${BASE}/roadmap`);
    await admin.waitForURL(/\/roadmap\/region$/);
    await poll(() => admin.getByRole("button", { name: "Добавить мероприятие" }).count()).toBe(1);
    await look(admin, "admin-region");
  });
});
