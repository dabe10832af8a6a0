/**
 * Two app instances on one PostgreSQL database behind nginx (deploy/nginx.conf), as scripts/e2e.mjs starts
 * them: what one instance changes, the other serves within a second; sign-in limits and sessions hold across
 * both; a restore changes what both serve; thousands of sign-ins with long e-mails leave memory bounded.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { BASE, launch, signIn, signInHttp } from "./browser";

const A = process.env.E2E_INSTANCE_A ?? "";
const B = process.env.E2E_INSTANCE_B ?? "";
const PROXY = process.env.E2E_PROXY ?? "";
const DB_URL = process.env.E2E_INSTANCES_DATABASE_URL ?? "";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

let browser: Browser;

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Whether a cookie still opens the signed-in home page of an instance. */
async function opensHome(base: string, cookie: string) {
  const res = await fetch(`${base}/home`, { redirect: "manual", headers: { cookie } });
  return res.status === 200;
}

/** Polls until `check` passes, for at most `ms`; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= ms) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`не выполнилось за ${ms} мс`);
}

function psql(sql: string): string {
  return execFileSync("psql", [DB_URL, "-Atqc", sql], { encoding: "utf8" }).trim();
}

/**
 * `npm run backup|restore` against the instances' database. Asynchronous: a synchronous run of several seconds
 * stalls this process's event loop past the server's keep-alive timeout, and the next fetch then picks a pooled
 * connection the server has already closed ("other side closed").
 */
async function backupScript(command: "backup" | "restore", dump: string) {
  await promisify(execFile)(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/backup.ts", command, dump],
    {
      env: { ...process.env, DATABASE_URL: DB_URL },
    },
  );
}

/** Fills one field of the curator's school card through instance A's form; the school's public address. */
async function setCardThroughA(label: string, value: string) {
  const page = await browser.newPage();
  await signIn(page, account("curator").email, account("curator").password, A);
  await page.waitForURL(`${A}/home`);
  const orgId = psql(`select organisation_id from users where email = '${account("curator").email}'`);
  await page.goto(`${A}/orgs/${orgId}`);
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Сохранить" }).click();
  await page
    .getByText(/сохранен/i)
    .first()
    .waitFor({ timeout: 15_000 });
  await page.close();
  return psql(`select slug from organisations where id = ${orgId}`);
}

async function serves(base: string, pathname: string, text: string) {
  const res = await fetch(`${base}${pathname}`);
  return res.ok && (await res.text()).includes(text);
}

describe.skipIf(!A || !B || !PROXY)("two instances on one PostgreSQL behind nginx", () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a change made through A is on B's public page and embed, and through nginx, within a second", async () => {
    // B and nginx have the pages in their caches before the change.
    const slug0 = psql(
      `select o.slug from organisations o join users u on u.organisation_id = o.id where u.email = '${account("curator").email}'`,
    );
    for (const base of [B, PROXY])
      for (const p of [`/org/${slug0}`, `/embed/org/${slug0}`, `/embed/org/${slug0}`])
        expect((await fetch(`${base}${p}`)).status).toBe(200);
    // The full name shows on the school's page and in its embed.
    const name = `Муниципальное общеобразовательное учреждение «Средняя школа ${String(Date.now()).slice(-6)}»`;
    const slug = await setCardThroughA("Полное наименование", name);
    const waited = await within(1000, async () =>
      (
        await Promise.all([
          serves(B, `/org/${slug}`, name),
          serves(B, `/embed/org/${slug}`, name),
          serves(PROXY, `/embed/org/${slug}`, name),
          serves(PROXY, `/org/${slug}`, name),
        ])
      ).every(Boolean),
    );
    console.log(`изменение видно на B и через nginx через ${waited} мс`);
    // The demo server on the embedded database runs the same build with the same school: it never sees this.
    const embedded = await fetch(`${BASE}/org/${slug}`);
    expect(embedded.status).toBe(200);
    expect(await embedded.text()).not.toContain(name);
  });

  it("a change made through A drops B's kept indicator pages within a second", async () => {
    const { cookie } = await signInHttp(B, account("ministry").email, account("ministry").password);
    const kept = async () =>
      (await fetch(`${B}/indicators/structure`, { headers: { cookie: cookie! } })).headers.get("x-kept-page");
    await kept();
    expect(await kept()).toBe("1");
    await setCardThroughA(
      "Полное наименование",
      `Муниципальное общеобразовательное учреждение «Школа ${String(Date.now()).slice(-6)}»`,
    );
    const waited = await within(1000, async () => (await kept()) === null);
    console.log(`сохранённая страница показателей на B сброшена через ${waited} мс`);
  });

  it("counts failed sign-ins on both instances together; another account still signs in", async () => {
    const { email } = account("ministry");
    for (let i = 0; i < 5; i++) expect((await signInHttp(A, email, `wrong-${i}`)).cookie).toBeNull();
    const sixth = await signInHttp(B, email, account("ministry").password);
    expect(sixth.cookie).toBeNull();
    expect(sixth.code).toMatch(/^throttled/);
    const other = await signInHttp(B, account("coordinator").email, account("coordinator").password);
    expect(other.cookie).not.toBeNull();
    expect(await opensHome(A, other.cookie!)).toBe(true);
  });

  it("limits guesses sent in parallel to both instances", async () => {
    const { email, password } = account("admin");
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signInHttp(i % 2 ? A : B, email, `guess-${i}`)),
    );
    expect(guesses.every((g) => g.cookie === null)).toBe(true);
    const right = await signInHttp(A, email, password);
    expect(right.cookie).toBeNull();
    expect(right.code).toMatch(/^throttled/);
  });

  it("signing out on A makes a copied cookie useless on B; an account switched off on A loses its session on B", async () => {
    const { email, password } = account("coordinator");
    const first = await signInHttp(A, email, password);
    expect(await opensHome(B, first.cookie!)).toBe(true);
    const csrf = await fetch(`${A}/api/auth/csrf`, { headers: { cookie: first.cookie! } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    await fetch(`${A}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [first.cookie!, ...cookiesOf(csrf)].join("; "),
      },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(await opensHome(B, first.cookie!)).toBe(false);

    // The coordinator switches the curator's account off through A's page; the curator's session on B ends.
    const curator = account("curator");
    const session = await signInHttp(B, curator.email, curator.password);
    expect(await opensHome(B, session.cookie!)).toBe(true);
    const curatorId = psql(`select id from users where email = '${curator.email}'`);
    const page = await browser.newPage();
    page.on("dialog", (d) => void d.accept());
    await signIn(page, email, password, A);
    await page.waitForURL(`${A}/home`);
    await page.goto(`${A}/admin/users/${curatorId}`);
    await page.getByRole("button", { name: "Отключить учётную запись" }).click();
    await page.getByRole("button", { name: "Включить учётную запись" }).waitFor();
    try {
      expect(await opensHome(B, session.cookie!)).toBe(false);
      expect(await opensHome(A, session.cookie!)).toBe(false);
    } finally {
      await page.getByRole("button", { name: "Включить учётную запись" }).click();
      await page.getByRole("button", { name: "Отключить учётную запись" }).waitFor();
      await page.close();
    }
  });

  it("a restore changes what both instances serve", async () => {
    const before = `+7 (3812) 100${String(Date.now()).slice(-4)}`;
    const slug = await setCardThroughA("Телефон", before);
    await within(1000, async () => serves(B, `/org/${slug}`, before));
    const dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nastavnik-restore-")), "db.dump");
    await backupScript("backup", dump);
    const after = `+7 (3812) 200${String(Date.now()).slice(-4)}`;
    await setCardThroughA("Телефон", after);
    await within(
      1000,
      async () => (await serves(A, `/org/${slug}`, after)) && serves(B, `/org/${slug}`, after),
    );
    await backupScript("restore", dump);
    await within(
      2000,
      async () => (await serves(A, `/org/${slug}`, before)) && serves(B, `/org/${slug}`, before),
    );
  });

  it("2 000 sign-in posts with unique long e-mails leave the server's memory bounded", async () => {
    const pid = Number(process.env.E2E_INSTANCE_A_PID);
    const rss = () =>
      Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
    const start = rss();
    const long = "x".repeat(4000);
    for (let batch = 0; batch < 40; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => signInHttp(A, `${long}${batch}-${i}@example.ru`, "password")),
      );
    }
    const grown = rss() - start;
    console.log(`память A: ${start.toFixed(0)} МБ → ${rss().toFixed(0)} МБ после 2 000 попыток`);
    expect(grown).toBeLessThan(200);
    expect(Number(psql("select count(*) from auth_limits where length(key) > 300"))).toBe(0);
    // 2 000 failures from one address hold it back for a while, as they should: later files sign in from it.
    psql("delete from auth_limits");
  });
});
