/**
 * Issue 15, «Hygiene», over HTTP against the production server (scripts/server.mjs → http-server.mjs): security
 * headers on every answer (trailing-slash redirects too), a per-request CSP nonce on every page and no
 * 'unsafe-inline' for scripts, X-Forwarded-Host believed only from TRUSTED_PROXIES, 4xx instead of 500 for
 * unreadable POSTs; and in Chromium, no page of any role, no public page and no embed logs a CSP violation.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, signIn, signInHttp } from "./browser";

const SLUG = "demograd-sosh-5";
const base = new URL(BASE);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: headers exactly as given (fetch would not send some of them). */
function request(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
  at: URL = base,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: at.hostname, port: at.port, method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

const csp = (a: Answer) => String(a.headers["content-security-policy"] ?? "");
const scriptSrc = (policy: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src ")) ?? "";
const nonceOf = (a: Answer) => /'nonce-([^']+)'/.exec(csp(a))?.[1];

/** The id of the sign-in server action, from the build's manifest. */
function signInActionId(): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const [id] = Object.entries(manifest.node).find(
    ([, a]) => a.exportedName === "signInAction" && a.filename?.includes("lib/auth/actions"),
  )!;
  return id;
}

describe("security headers on every answer", () => {
  it("trailing-slash redirects carry them (the embed's own set on the embed)", async () => {
    for (const target of ["/login/", `/org/${SLUG}/`, "/open/", "/home/"]) {
      const res = await request("GET", target);
      expect(res.status, target).toBe(308);
      expect(scriptSrc(csp(res)), target).toMatch(/^script-src /);
      expect(csp(res)).toContain("frame-ancestors 'none'");
      expect(res.headers["x-frame-options"], target).toBe("DENY");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    }
    const embed = await request("GET", `/embed/org/${SLUG}/`);
    expect(embed.status).toBe(308);
    expect(csp(embed)).toContain("frame-ancestors *");
    expect(embed.headers["x-frame-options"]).toBeUndefined();
  });

  it("no answer allows inline scripts by 'unsafe-inline'", async () => {
    for (const target of ["/login", "/login/", `/org/${SLUG}`, `/embed/org/${SLUG}`, "/embed.js", "/open"]) {
      const res = await request("GET", target);
      expect(scriptSrc(csp(res)), target).not.toBe("");
      expect(scriptSrc(csp(res)), target).not.toContain("'unsafe-inline'");
    }
  });
});

/** A session cookie of a demo account, signed in through Auth.js's endpoint as the sign-in form does. */
async function sessionCookie(role: string): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const { cookie } = await signInHttp(BASE, account.email, account.password);
  expect(cookie).toBeTruthy();
  return cookie!;
}

describe("a CSP nonce per request on every page", () => {
  it("pages built ahead before (sign-in, forgotten password, forbidden, not found) are rendered per request", async () => {
    const cookie = await sessionCookie("coordinator");
    const signedIn = ["/forbidden", "/no-such-page", "/home", "/indicators/N1"];
    for (const target of [
      "/login",
      "/login/forgot",
      `/org/${SLUG}`,
      "/org/net-takoy-shkoly",
      "/open/demo",
      ...signedIn,
    ]) {
      const headers: Record<string, string> = signedIn.includes(target) ? { cookie } : {};
      const first = await request("GET", target, headers);
      const second = await request("GET", target, headers);
      expect([200, 404], `${target} → ${first.headers.location}`).toContain(first.status);
      const nonce = nonceOf(first);
      expect(nonce, target).toBeTruthy();
      expect(nonceOf(second), target).not.toBe(nonce);
      expect(scriptSrc(csp(first))).toContain("'strict-dynamic'");
      // The nonce travels to Next.js in request headers only.
      expect(
        Object.keys(first.headers).filter((h) => h === "x-nonce" || h.startsWith("x-middleware")),
      ).toEqual([]);
      // Every script carries this request's nonce, or is an inline script the CSP names by its hash.
      const scripts = [...first.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, target).toBeGreaterThan(0);
      for (const [, attributes, text] of scripts) {
        if (attributes.includes(`nonce="${nonce}"`)) continue;
        const hash = crypto.createHash("sha256").update(text, "utf8").digest("base64");
        expect(csp(first), `${target}: ${attributes} ${text.slice(0, 60)}`).toContain(`'sha256-${hash}'`);
      }
    }
  });
});

describe("server actions and unreadable POSTs", () => {
  const action = signInActionId();
  const args = JSON.stringify([{ email: "nobody@nastavnik.demo", password: "wrong-password" }]);
  const text = { "content-type": "text/plain;charset=UTF-8" };

  it("a same-origin action runs (the control)", async () => {
    const res = await request("POST", "/login", { ...text, "next-action": action, origin: BASE }, args);
    expect(res.status).toBe(200);
    expect(res.body).toContain("Неверный адрес электронной почты или пароль.");
  });

  it("a cross-origin action with a forged X-Forwarded-Host from an untrusted peer is refused", async () => {
    const res = await request(
      "POST",
      "/login",
      { ...text, "next-action": action, origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      args,
    );
    expect(res.status).toBe(403);
    expect(res.body).not.toContain("Неверный адрес электронной почты или пароль.");
    expect(res.body).toBe("Запрос отклонён: форма отправлена с другого сайта.");
  });

  it("an empty multipart POST to a page gets 400 with a Russian message, not 500", async () => {
    for (const target of ["/login", `/org/${SLUG}`, "/open/demo", "/open"]) {
      for (const extra of [{}, { "next-action": action }] as Record<string, string>[]) {
        const res = await request(
          "POST",
          target,
          { "content-type": "multipart/form-data; boundary=----x", "content-length": "0", ...extra },
          "",
        );
        expect(res.status, `${target} ${JSON.stringify(extra)}`).toBe(400);
        expect(res.body).toBe(
          "Не удалось прочитать данные формы. Обновите страницу и отправьте форму ещё раз.",
        );
        expect(res.headers["x-frame-options"]).toBe("DENY");
      }
    }
    const noBoundary = await request("POST", "/login", { "content-type": "multipart/form-data" }, "x");
    expect(noBoundary.status).toBe(400);
    const garbage = await request("POST", "/login", { ...text, "next-action": action }, "garbage{");
    expect(garbage.status).toBe(400);
  });

  it("a form posted without JavaScript (hidden $ACTION_ID_ field, no Next-Action) still reaches its action", async () => {
    const form = new FormData();
    form.append(`$ACTION_ID_${action}`, "");
    form.append("email", "nobody@nastavnik.demo");
    form.append("password", "wrong-password");
    const encoded = new Request("http://x", { method: "POST", body: form });
    const body = Buffer.from(await encoded.arrayBuffer());
    const res = await request(
      "POST",
      "/login",
      { "content-type": encoded.headers.get("content-type")!, origin: BASE },
      body,
    );
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
  });
});

/** With E2E_DATABASE_URL: two instances behind nginx (deploy/nginx.conf), which they trust (TRUSTED_PROXIES). */
const PROXY = process.env.E2E_PROXY ?? "";

describe.skipIf(!PROXY)("behind nginx (a trusted proxy)", () => {
  const proxy = new URL(PROXY || "http://x");
  const action = signInActionId();
  const args = JSON.stringify([{ email: "nobody@nastavnik.demo", password: "wrong-password" }]);
  const text = { "content-type": "text/plain;charset=UTF-8" };

  it("nginx sets X-Forwarded-Host itself: a client's own is never passed on", async () => {
    const forged = await request(
      "POST",
      "/login",
      { ...text, "next-action": action, origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      args,
      proxy,
    );
    expect(forged.status).toBe(403);
  });

  it("a same-origin action through nginx runs (its X-Forwarded-Host keeps the port the browser used)", async () => {
    const res = await request(
      "POST",
      "/login",
      { ...text, "next-action": action, origin: proxy.origin },
      args,
      proxy,
    );
    expect(res.status).toBe(200);
    expect(res.body).toContain("Неверный адрес электронной почты или пароль.");
  });

  it("trailing-slash redirects through nginx carry the security headers", async () => {
    const res = await request("GET", "/login/", {}, undefined, proxy);
    expect(res.status).toBe(308);
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(scriptSrc(csp(res))).not.toContain("'unsafe-inline'");
  });
});

describe("no CSP violation in Chromium", () => {
  let browser: Browser;
  let school: http.Server;
  let schoolUrl = "";
  const seen: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    school = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Школа № 5</title></head>
        <body><h1>Сайт школы № 5</h1><script src="${BASE}/embed.js" data-org="${SLUG}" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => school.listen(0, "127.0.0.2", resolve));
    schoolUrl = `http://127.0.0.2:${(school.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => school?.close(r));
    if (seen.length) console.log(`Ошибки в консоли (не CSP):\n${seen.join("\n")}`);
  });

  /** A context that records CSP violations from every frame: console messages and the DOM event. */
  async function watched(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
    const context = await browser.newContext({ locale: "ru-RU", viewport: { width: 1200, height: 900 } });
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      );
    });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.type() !== "error" && m.type() !== "warning") return;
      const line = `${page.url()}: ${m.text()}`;
      if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(line);
      else if (m.type() === "error") seen.push(line);
    });
    page.on("pageerror", (e) => seen.push(`${page.url()}: ${e.message}`));
    return { context, page, violations };
  }

  /** Opens a page and waits until Next.js has hydrated it (its scripts ran). */
  async function open(page: Page, target: string) {
    await page.goto(new URL(target, BASE).href);
    await page.waitForFunction(
      () => Boolean((window as { next?: { version?: string } }).next?.version),
      null,
      {
        timeout: 15_000,
      },
    );
  }

  async function navLinks(page: Page): Promise<string[]> {
    return page
      .locator('nav[aria-label="Основное меню"] a')
      .evaluateAll((links) =>
        links.map((a) => a.getAttribute("href") ?? "").filter((h) => h.startsWith("/")),
      );
  }

  const extra: Record<string, string[]> = {
    curator: [
      "/registry/programmes",
      "/registry/documents",
      "/registry/events",
      "/registry/import",
      "/indicators/N1",
    ],
    coordinator: ["/reports/consolidated", "/indicators/structure"],
    ministry: ["/indicators/N1", "/indicators/structure"],
    federal: ["/indicators/N1", "/indicators/N1?all=municipalities", "/indicators/structure"],
    admin: [
      "/indicators/targets",
      "/admin/users/new",
      "/admin/directory/import",
      "/admin/directory/organisations",
    ],
  };

  for (const account of DEMO_ACCOUNTS)
    it(`${account.role}: the main pages`, async () => {
      const { context, page, violations } = await watched();
      await signIn(page, account.email, account.password);
      await page.waitForURL(`${BASE}/home`);
      const pages = [...new Set([...(await navLinks(page)), ...extra[account.role]])];
      for (const target of pages) await open(page, target);
      // A report of the list, and a client-side navigation (chunks loaded by Next.js's own scripts).
      await open(page, "/reports");
      const report = await page
        .locator("main a[href^='/reports/']")
        .evaluateAll((links) =>
          links.map((a) => a.getAttribute("href")!).find((h) => /^\/reports\/\d+/.test(h)),
        );
      if (report) await open(page, report);
      await open(page, "/home");
      await page.locator('nav[aria-label="Основное меню"] a', { hasText: "Показатели" }).click();
      await page.waitForURL(`${BASE}/indicators`);
      expect(violations).toEqual([]);
      await context.close();
    });

  it("the main pages logged no missing file, server error or hydration mismatch", () => {
    // Client components that draw tables from compact rows must render the server's HTML exactly; the site's
    // icon is a file of its own, not a 404 on every page.
    expect(seen.filter((line) => /status of (404|500)|hydrat|did not match/i.test(line))).toEqual([]);
  });

  it("charts (recharts) still render", async () => {
    const { context, page, violations } = await watched();
    const ministry = DEMO_ACCOUNTS.find((a) => a.role === "ministry")!;
    await signIn(page, ministry.email, ministry.password);
    await page.waitForURL(`${BASE}/home`);
    await open(page, "/indicators/N1");
    await page.locator("svg.recharts-surface").first().waitFor();
    expect(
      await page.locator("svg.recharts-surface path, svg.recharts-surface rect").count(),
    ).toBeGreaterThan(5);
    await open(page, "/indicators/structure");
    await page.locator("svg.recharts-surface").first().waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("public pages, the version for the visually impaired, the open data", async () => {
    const { context, page, violations } = await watched();
    for (const target of [`/org/${SLUG}`, `/org/${SLUG}/reports`, "/login"]) await open(page, target);
    // The visually-impaired switch remembered in localStorage: its inline script runs and reloads with ?vi=1.
    await open(page, `/org/${SLUG}?vi=1`);
    await page.goto(`${BASE}/org/${SLUG}`);
    await page.waitForURL(/vi=1/);
    await open(page, `/org/${SLUG}?vi=0`);
    await open(page, "/open");
    const hrefs = () =>
      page
        .locator("main a[href^='/open/']")
        .evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
    // The country's page lists the regions; the demo region is the first of them.
    const region = await page
      .getByRole("region", { name: "Регионы" })
      .getByRole("link", { name: "Демонстрационная область" })
      .getAttribute("href");
    expect(region).toBe("/open/demo");
    await open(page, region!);
    const municipality = (await hrefs()).find(
      (h) => /^\/open\/[^/]+\/[^/.]+$/.test(h) && !h.endsWith("/practices"),
    );
    expect(municipality).toBeTruthy();
    await open(page, municipality!);
    expect(violations).toEqual([]);
    await context.close();
  });

  it("the embed on a school's site: it shows, fits its height, logs no violation", async () => {
    const { context, page, violations } = await watched();
    await page.goto(schoolUrl);
    const frame = page.locator("iframe");
    await frame.waitFor();
    const content = (await (await frame.elementHandle())!.contentFrame())!;
    await content.getByText("1. Нормативно-правовое обеспечение").first().waitFor();
    await expect
      .poll(async () => (await frame.boundingBox())!.height, { timeout: 10_000 })
      .toBeGreaterThan(2000);
    // And the version for the visually impaired inside the frame.
    await content.getByRole("link", { name: "Версия для слабовидящих" }).click();
    await content.waitForURL(/vi=1/);
    expect(violations).toEqual([]);
    await context.close();
  });
});
