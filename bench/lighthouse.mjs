/**
 * `npm run bench:lighthouse -- [base URL] [slug]`: Lighthouse (mobile, Debian's Chromium) on the public pages of
 * a running server with the demo region; prints performance and accessibility (goal: ≥ 95 and 100). Lighthouse
 * is not a dependency of the app: npx fetches it from the npm registry on first use, and it runs on this script's
 * Node.js (the one in node_modules: Lighthouse 13 needs Node.js 22.19 or newer).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const base = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const slug = process.argv[3] ?? "demograd-sosh-5";
const pages = [
  `/org/${slug}`,
  `/org/${slug}?vi=1`,
  `/embed/org/${slug}`,
  "/open/demo",
  "/open/demo/berezovsky",
];
// npx and Lighthouse start with `#!/usr/bin/env node`: put this script's Node.js first on their PATH.
const PATH = [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
console.log("| страница | производительность | доступность | LCP | TBT | объём |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const [i, page] of pages.entries()) {
  const out = path.join(dir, `${i}.json`);
  execFileSync(
    "npx",
    [
      "--yes",
      "lighthouse@13.5.0",
      base + page,
      "--quiet",
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility",
      "--chrome-flags=--headless=new --no-sandbox",
    ],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, PATH, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
    },
  );
  const r = JSON.parse(fs.readFileSync(out, "utf8"));
  const score = (c) => Math.round(r.categories[c].score * 100);
  const shown = (a) => r.audits[a].displayValue.replace(/\s/g, " ");
  console.log(
    `| ${page} | ${score("performance")} | ${score("accessibility")} | ${shown("largest-contentful-paint")} | ${shown("total-blocking-time")} | ${shown("total-byte-weight").replace("Total size was ", "")} |`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });
