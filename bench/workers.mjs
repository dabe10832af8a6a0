// `npm run bench:workers -- [users] [seconds] [think ms]` with BENCH_DATABASE_URL (a PostgreSQL database; the
// demo region is created in it if empty): the mixed load of bench/load.ts through nginx (deploy/nginx.conf) in
// front of `npm start` with 1 and then 2 workers, side by side — requests/s, p95, errors and the server's CPU
// per request read from /proc. Needs a production build (npm run build) and nginx; loopback only.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startNginx } from "../scripts/nginx.mjs";

const root = path.resolve(import.meta.dirname, "..");
const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Укажите BENCH_DATABASE_URL — базу PostgreSQL для замера.");
  process.exit(1);
}
const [users = "20", seconds = "60", think = "0"] = process.argv.slice(2);
const APP = 3201;
const PROXY = 3209;
const TICK = 100; // clock ticks per second in /proc/<pid>/stat

function cpuSeconds(pid) {
  const pids = [
    pid,
    ...spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .stdout.split(/\s+/)
      .filter(Boolean),
  ];
  let ticks = 0;
  for (const p of pids) {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return ticks / TICK;
}

async function waitFor(u, s) {
  const until = Date.now() + s * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(u, { redirect: "manual" })).status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`нет ответа от ${u}`);
}

async function run(workers) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nastavnik-bench-"));
  fs.chmodSync(dir, 0o777);
  const app = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      DEMO_SEED: "yes",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      TRUSTED_PROXIES: "127.0.0.1",
      WEB_CONCURRENCY: String(workers),
      PORT: String(APP),
      HOSTNAME: "127.0.0.1",
      DATA_DIR: path.join(dir, "data"),
    },
    stdio: "ignore",
  });
  const proxy = startNginx({ upstreams: [APP], port: PROXY, dir: path.join(dir, "nginx") });
  try {
    await waitFor(`http://127.0.0.1:${PROXY}/login`, 600);
    // Warm-up: every worker renders each page once before the measured run.
    execFileSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "bench/load.ts", `http://127.0.0.1:${PROXY}`, "4", "10", "0"],
      { cwd: root, stdio: "ignore" },
    );
    const cpu0 = cpuSeconds(app.pid);
    const out = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "bench/load.ts", `http://127.0.0.1:${PROXY}`, users, seconds, think],
      { cwd: root, encoding: "utf8" },
    ).stdout;
    const cpu = cpuSeconds(app.pid) - cpu0;
    const total = /всего (\d+) запросов за (\d+) с \((\d+) в секунду\), ошибок: (\d+)/.exec(out);
    const p95s = [...out.matchAll(/^\| (.+?) \| (\d+) \| (\d+) \| (\d+) \|$/gm)].map((m) => ({
      what: m[1],
      n: +m[2],
      median: +m[3],
      p95: +m[4],
    }));
    return {
      workers,
      requests: +total[1],
      rps: +total[3],
      errors: +total[4],
      cpuMs: (cpu * 1000) / +total[1],
      pages: p95s,
      out,
    };
  } finally {
    proxy.kill("SIGTERM");
    app.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 3000));
  }
}

const results = [];
for (const n of [1, 2]) {
  console.log(`… ${n} рабочих процесса(ов)`);
  results.push(await run(n));
}
const [one, two] = results;
console.log(
  `\n${users} пользователей, ${seconds} с, пауза ~${think} мс, через nginx; ядер: ${os.availableParallelism()}`,
);
console.log("| рабочих процессов | запросов/с | ошибок | CPU сервера на запрос, мс |");
console.log("| ---: | ---: | ---: | ---: |");
for (const r of results) console.log(`| ${r.workers} | ${r.rps} | ${r.errors} | ${r.cpuMs.toFixed(1)} |`);
console.log(`\nотношение пропускной способности 2 : 1 = ${(two.rps / one.rps).toFixed(2)} (цель ≥ 1,6)`);
console.log("\n| страница | p95 при 1, мс | p95 при 2, мс |");
console.log("| --- | ---: | ---: |");
for (const p of one.pages)
  console.log(`| ${p.what} | ${p.p95} | ${two.pages.find((q) => q.what === p.what)?.p95 ?? "—"} |`);
