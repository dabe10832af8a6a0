import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const BASE = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** Debian's Chromium, headless, with no background traffic to the outside world. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function signIn(page: Page, email: string, password: string, base = BASE) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

/** Waits until React has hydrated the page (components/shell/hydration-mark.tsx): its scripted controls work. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/**
 * Signs in through Auth.js's endpoint, as the sign-in form does: the session cookie (null when refused), the
 * refusal code of the redirect, and the CSRF cookie the attempt carried.
 */
export async function signInHttp(base: string, email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  const cookie = cookiesOf(res).find((c) => c.startsWith("authjs.session-token=")) ?? null;
  const location = new URL(res.headers.get("location") ?? "/", base);
  return { cookie, code: location.searchParams.get("code"), csrfCookie: cookiesOf(csrf).join("; ") };
}
