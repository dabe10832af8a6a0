import http from "node:http";
import { gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, launch, shot } from "./browser";

const SLUG = "demograd-sosh-5";
let browser: Browser;
let school: http.Server;
let schoolUrl = "";

beforeAll(async () => {
  browser = await launch();
  // A school's own site on a second loopback origin: a plain page with the snippet pasted into it.
  school = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Школа № 5</title></head>
      <body><h1>Сайт школы № 5</h1><p>Раздел «Наставничество»</p>
      <script src="${BASE}/embed.js" data-org="${SLUG}" async></script>
      <footer>Подвал сайта школы</footer></body></html>`);
  });
  await new Promise<void>((resolve) => school.listen(0, "127.0.0.2", resolve));
  schoolUrl = `http://127.0.0.2:${(school.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => school?.close(r));
});

describe("a school embeds its «Наставничество» section", () => {
  it("the snippet creates an iframe that shows the page and fits its height", async () => {
    const page = await (
      await browser.newContext({ locale: "ru-RU", viewport: { width: 1100, height: 800 } })
    ).newPage();
    await page.goto(schoolUrl);
    const frameEl = page.locator("iframe");
    await frameEl.waitFor();
    const frame = (await frameEl.elementHandle())!;
    const content = (await frame.contentFrame())!;
    await content.getByText("1. Нормативно-правовое обеспечение").first().waitFor();
    // The height follows the embedded document, so the school's page never shows a second scroll bar.
    await expect
      .poll(async () => (await frameEl.boundingBox())!.height, { timeout: 10_000 })
      .toBeGreaterThan(2000);
    const inner = await content.evaluate(() => document.documentElement.scrollHeight);
    const outer = (await frameEl.boundingBox())!.height;
    expect(Math.abs(inner - outer)).toBeLessThan(40);
    await shot(page, "embed-on-school-site");
  });

  it("the embed may be framed by any site; the app's own pages may not", async () => {
    const embed = await fetch(`${BASE}/embed/org/${SLUG}`);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(embed.headers.get("set-cookie")).toBeNull();
    const page = await fetch(`${BASE}/org/${SLUG}`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("set-cookie")).toBeNull();
  });

  it("repeat requests are answered from the kept copy: same page, same headers, gzip only when accepted", async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${BASE}${path}`, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          })
          .on("error", reject);
      });
    const path = `/embed/org/${SLUG}?vi=1`;
    const first = await get(path);
    const again = await get(path);
    const zipped = await get(path, { "Accept-Encoding": "gzip" });
    const refused = await get(path, { "Accept-Encoding": "gzip;q=0, identity" });
    for (const r of [first, again, zipped, refused]) {
      expect(r.status).toBe(200);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.headers["content-security-policy"]).toContain("frame-ancestors *");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["x-frame-options"]).toBeUndefined();
      expect(r.headers["set-cookie"]).toBeUndefined();
      expect(r.headers.etag).toBe(first.headers.etag);
    }
    expect(again.body.toString("utf8")).toBe(first.body.toString("utf8"));
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(first.body.toString("utf8"));
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect((await get(path, { "If-None-Match": first.headers.etag! })).status).toBe(304);
    expect((await get(`/embed/org/net-takoy-shkoly`)).status).toBe(404);
  });

  it("the version for the visually impaired is switched on and remembered without cookies", async () => {
    const context = await browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    await page.goto(`${BASE}/org/${SLUG}`);
    await page.getByRole("link", { name: "Версия для слабовидящих" }).click();
    await page.waitForURL(/vi=1/);
    await page.getByRole("link", { name: "Обычная версия" }).waitFor();
    await page.goto(`${BASE}/org/${SLUG}`);
    await page.waitForURL(/vi=1/);
    expect(await context.cookies()).toEqual([]);
    await shot(page, "public-visually-impaired");
    // Switched off, it stays off on the next visit.
    await page.getByRole("link", { name: "Обычная версия" }).click();
    await page.waitForURL(/vi=0/);
    await page.goto(`${BASE}/org/${SLUG}`);
    await page.getByRole("link", { name: "Версия для слабовидящих" }).waitFor();
    expect(page.url()).not.toMatch(/vi=1/);
    await context.close();
  });
});
