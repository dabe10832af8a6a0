/**
 * `npm run bench:js -- [base URL]`: the JavaScript each page makes the browser download, gzip-compressed as
 * served (goal: app pages ≤ 200 KB, the embed ≤ 30 KB). Signs in the demo accounts in Debian's Chromium.
 * Two figures a page: by the page's load event (what the page needs to show itself and work), and in all once
 * the network is idle (with what is fetched afterwards, such as the charts' library once the table is shown).
 */
import { chromium, type Page } from "playwright-core";
import { DEMO_ACCOUNTS } from "../lib/demo/accounts";

const base = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const pages: Record<string, string[]> = {
  curator: ["/home", "/registry/persons", "/registry/persons/new", "/reports"],
  coordinator: ["/home", "/reports"],
  ministry: ["/home", "/indicators", "/indicators/N1", "/indicators/structure"],
  public: ["/org/demograd-sosh-5", "/embed/org/demograd-sosh-5", "/open/demo"],
};

async function jsBytes(page: Page, path: string): Promise<{ atLoad: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  // Every page counted as a first visit: nothing comes from the previous page's cache.
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Set<string>();
  let bytes = 0;
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (scripts.has(e.requestId)) bytes += e.encodedDataLength;
  });
  await page.goto(base + path, { waitUntil: "load" });
  const atLoad = bytes;
  await page.waitForLoadState("networkidle");
  await cdp.detach();
  return { atLoad, total: bytes };
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium" });
  console.log("| роль | страница | JavaScript к событию load, КБ gzip | всего, КБ gzip |");
  console.log("| --- | --- | ---: | ---: |");
  for (const [role, paths] of Object.entries(pages)) {
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Encoding": "gzip" } });
    const page = await context.newPage();
    const account = DEMO_ACCOUNTS.find((a) => a.role === role);
    if (account) {
      await page.goto(`${base}/login`);
      await page.getByLabel("Электронная почта").fill(account.email);
      await page.getByLabel("Пароль").fill(account.password);
      await page.getByRole("button", { name: "Войти" }).click();
      await page.waitForURL(/\/home/);
    }
    for (const path of paths) {
      const fresh = await context.newPage();
      const { atLoad, total } = await jsBytes(fresh, path);
      console.log(`| ${role} | ${path} | ${(atLoad / 1024).toFixed(0)} | ${(total / 1024).toFixed(0)} |`);
      await fresh.close();
    }
    await context.close();
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
