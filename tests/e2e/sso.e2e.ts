/**
 * Regional sign-in (OIDC) in the browser, end to end: the test starts a real OpenID Connect provider
 * (`oidc-provider`, tests/support/oidc-provider.ts) on loopback and an instance of the built app with OIDC_*
 * pointing at it (its own embedded database with the demo region), then signs in through the provider as a
 * person would — with JavaScript and without. The browser reaches nothing beyond loopback.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SSO_FAILED, SSO_REFUSED } from "@/lib/auth/messages";
import { DEMO_ACCOUNTS, DEMO_CURATOR_SCHOOL } from "@/lib/demo/accounts";
import { ROLE_LABELS } from "@/lib/vocabulary";
import { startTestProvider, type TestProvider } from "../support/oidc-provider";
import { BASE, launch, shot } from "./browser";

const PORT = Number(new URL(BASE).port || 3100) + 5;
const APP = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.SSO_SHOTS_DIR;
const curator = DEMO_ACCOUNTS.find((a) => a.role === "curator")!;
const coordinator = DEMO_ACCOUNTS.find((a) => a.role === "coordinator")!;

let idp: TestProvider;
let server: ChildProcess;
let browser: Browser;
const dataDir = path.join(process.cwd(), ".test-data", `e2e-sso-${Date.now()}`);

async function waitFor(url: string, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Сервер не ответил за ${seconds} с: ${url}`);
}

beforeAll(async () => {
  idp = await startTestProvider([`${APP}/api/auth/callback/oidc`]);
  idp.accounts.set("ivanova", {
    sub: "region-ivanova",
    email: curator.email,
    email_verified: true,
    name: "Иванова (каталог региона)",
    extra: { groups: ["admins"] },
  });
  idp.accounts.set("petrov", { sub: "region-petrov", email: coordinator.email, email_verified: true });
  idp.accounts.set("stranger", {
    sub: "region-stranger",
    email: "stranger@region.test",
    email_verified: true,
  });
  fs.mkdirSync(path.join(process.cwd(), "test-results"), { recursive: true });
  const log = fs.createWriteStream(path.join(process.cwd(), "test-results", `server-${PORT}.log`));
  server = spawn(
    process.execPath,
    ["--max-semi-space-size=16", path.join(process.cwd(), "scripts", "server.mjs"), "-p", String(PORT)],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        WEB_CONCURRENCY: "1",
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: "",
        DATA_DIR: dataDir,
        DEMO_SEED: "auto",
        AUTH_SECRET: "e2e-sso-secret-e2e-sso-secret-e2e",
        APP_URL: APP,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await waitFor(`${APP}/login`, 400);
  browser = await launch();
}, 420_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  await idp?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh browser that reaches only this machine. */
async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({ locale: "ru-RU", ...options });
  await context.route("**/*", (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === "127.0.0.1" || hostname === "localhost" ? route.continue() : route.abort();
  });
  return [context, await context.newPage()];
}

async function picture(page: Page, name: string) {
  await shot(page, name);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
}

const ssoButton = (page: Page) =>
  page.getByRole("button", { name: "Войти через региональную учётную запись" });

/** At the provider's own login page: the person's login and password. */
async function providerLogin(page: Page, login: string) {
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.getByLabel("Логин").fill(login);
  await page.getByLabel("Пароль").fill("any-password");
  await page.getByRole("button", { name: "Войти" }).click();
}

// The app is opened at http://127.0.0.1: Next.js calls every loopback host «localhost», and the endpoint must
// still answer at APP_URL's own origin (lib/auth/index.ts), or the redirect URI and the cookies do not match.
describe("regional sign-in (OIDC) in the browser", () => {
  it("shows the button only where OIDC_* are set", async () => {
    const [context, page] = await newPage();
    await page.goto(`${APP}/login`);
    await ssoButton(page).waitFor();
    await picture(page, "sso-login");
    await page.goto(`${BASE}/login`);
    await page.getByRole("button", { name: "Войти", exact: true }).waitFor();
    expect(await ssoButton(page).count()).toBe(0);
    await context.close();
  });

  it("signs in through the provider and lands where the person was going, as Наставник's own account", async () => {
    const [context, page] = await newPage();
    await page.goto(`${APP}/reports`);
    await page.waitForURL((url) => url.pathname === "/login");
    await ssoButton(page).click();
    await providerLogin(page, "ivanova");
    // /reports sends a curator on to their own school's reports.
    await page.waitForURL((url) => url.origin === APP && url.pathname.startsWith("/reports"));
    // The demo curator, with Наставник's role and name, not the provider's «admins» group or name.
    await page.goto(`${APP}/home`);
    await page
      .getByText(`${ROLE_LABELS.curator} · ${DEMO_CURATOR_SCHOOL}`, { exact: false })
      .first()
      .waitFor();
    expect(await page.content()).not.toContain("Иванова (каталог региона)");
    await picture(page, "sso-home");
    await context.close();
  });

  it("refuses an identity with no account here, in Russian, telling nothing more", async () => {
    const [context, page] = await newPage();
    await page.goto(`${APP}/login`);
    await ssoButton(page).click();
    await providerLogin(page, "stranger");
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByText(SSO_REFUSED).waitFor();
    expect(await page.content()).not.toContain("stranger@region.test");
    await picture(page, "sso-refused");
    await context.close();
  });

  it("refuses a callback whose state was altered on the way", async () => {
    const [context, page] = await newPage();
    // The callback is reached through the provider's redirects, which page.route() does not see: the sign-in
    // form's post to the provider is sent from here instead, its redirects followed with its cookies, and the one
    // that would send the browser to the callback is held back.
    let answer: string | null = null;
    const provider = new URL(idp.issuer);
    await page.route(
      (url) => url.host === provider.host,
      async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        const jar = new Map(
          ((await route.request().allHeaders())["cookie"] ?? "")
            .split(/;\s*/)
            .filter(Boolean)
            .map((c) => [c.split("=")[0], c] as const),
        );
        const first = await route.fetch({ maxRedirects: 0 });
        let status = first.status();
        let headers = first.headersArray().map((h) => [h.name.toLowerCase(), h.value] as const);
        let url = route.request().url();
        for (let hop = 0; hop < 6; hop++) {
          for (const [name, value] of headers)
            if (name === "set-cookie") {
              const pair = value.split(";")[0];
              jar.set(pair.split("=")[0], pair);
            }
          const location = headers.find(([name]) => name === "location")?.[1];
          if (status < 300 || status >= 400 || !location) break;
          const next = new URL(location, url);
          if (next.pathname === "/api/auth/callback/oidc") {
            answer = next.toString();
            return route.fulfill({ status: 200, contentType: "text/plain", body: "остановлено тестом" });
          }
          url = next.toString();
          // The browser's cookies for this address (the provider sets some for /auth/… only), then the new ones.
          for (const c of await page.context().cookies(url))
            if (!jar.has(c.name)) jar.set(c.name, `${c.name}=${c.value}`);
          const res = await fetch(url, {
            redirect: "manual",
            headers: { cookie: [...jar.values()].join("; ") },
          });
          status = res.status;
          headers = [...res.headers.entries()];
          for (const c of res.headers.getSetCookie()) headers.push(["set-cookie", c]);
        }
        return route.fulfill({ response: first });
      },
    );
    await page.goto(`${APP}/login`);
    await ssoButton(page).click();
    await providerLogin(page, "ivanova");
    await expect.poll(() => answer, { timeout: 20_000 }).toBeTruthy();
    await page.unrouteAll({ behavior: "ignoreErrors" });
    const altered = new URL(answer!);
    altered.searchParams.set("state", `${altered.searchParams.get("state")}A`);
    await page.goto(altered.toString());
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByText(SSO_FAILED).waitFor();
    await picture(page, "sso-state-refused");
    // No session: an app page still sends to sign-in.
    await page.goto(`${APP}/home`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("works without JavaScript: the form posts and the browser is sent to the provider and back", async () => {
    const [context, page] = await newPage({ javaScriptEnabled: false });
    await page.goto(`${APP}/login?callbackUrl=${encodeURIComponent("/reports")}`);
    await ssoButton(page).click();
    await providerLogin(page, "petrov");
    await page.waitForURL(`${APP}/reports`);
    await context.close();
  });
});
