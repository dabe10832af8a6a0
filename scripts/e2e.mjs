// Browser tests against a production build: a fresh embedded database filled with the demo region,
// and (with E2E_DATABASE_URL) a start on an empty PostgreSQL database.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureBuilt, root } from "./build.mjs";
import { startNginx } from "./nginx.mjs";
import { serverNodeArgs } from "./node-args.mjs";

const PORT = Number(process.env.E2E_PORT || 3100);
/** Every process this script started (servers, nginx, the tests): stopped together, however the run ends. */
const children = [];

function startServer(port, env) {
  const args = [...serverNodeArgs, path.join(root, "scripts", "server.mjs"), "-p", String(port)];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      WEB_CONCURRENCY: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const log = fs.createWriteStream(path.join(root, "test-results", `server-${port}.log`));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

/**
 * Whether nothing listens on the port. A server left over from an interrupted run would answer in place of the one
 * started here (its start then fails on EADDRINUSE, unseen), and the tests would run against an older build and
 * a database other tests have already changed.
 */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function waitFor(url, seconds, child) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child && (child.exitCode !== null || child.signalCode !== null))
      throw new Error(`Сервер завершился (${child.exitCode ?? child.signalCode}) до готовности: ${url}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Сервер не ответил за ${seconds} с: ${url}`);
}

/**
 * Two instances on a database of their own (the demo region) behind nginx with deploy/nginx.conf, for
 * tests/e2e/instances.e2e.ts. Skipped (with a note) where nginx is not installed.
 */
async function startInstances(baseUrl, dataDir, env) {
  if (spawnSync("nginx", ["-v"]).error) {
    console.log("nginx не установлен: проверка двух экземпляров пропущена");
    return;
  }
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1)}_instances`;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  for (const sql of [`DROP DATABASE IF EXISTS ${name}`, `CREATE DATABASE ${name}`])
    spawnSync("psql", [admin.toString(), "-qc", sql], { stdio: "inherit" });
  url.pathname = `/${name}`;
  const shared = {
    DATABASE_URL: url.toString(),
    DEMO_SEED: "yes",
    AUTH_SECRET: "e2e-instances-secret-e2e-instances-secret",
    TRUSTED_PROXIES: "127.0.0.1",
  };
  const [pa, pb, pp] = [PORT + 2, PORT + 3, PORT + 4];
  const a = startServer(pa, { ...shared, DATA_DIR: path.join(dataDir, "instance-a") });
  const b = startServer(pb, { ...shared, DATA_DIR: path.join(dataDir, "instance-b") });
  const proxy = startNginx({
    upstreams: [pa, pb],
    port: pp,
    dir: path.join(dataDir, "nginx"),
    stdio: "inherit",
  });
  children.push(proxy);
  const started = Date.now();
  await waitFor(`http://127.0.0.1:${pa}/login`, 400, a);
  await waitFor(`http://127.0.0.1:${pb}/login`, 400, b);
  await waitFor(`http://127.0.0.1:${pp}/login`, 60, proxy);
  console.log(`Два экземпляра за nginx готовы за ${((Date.now() - started) / 1000).toFixed(1)} с`);
  Object.assign(env, {
    E2E_INSTANCE_A: `http://127.0.0.1:${pa}`,
    E2E_INSTANCE_B: `http://127.0.0.1:${pb}`,
    E2E_PROXY: `http://127.0.0.1:${pp}`,
    E2E_INSTANCES_DATABASE_URL: url.toString(),
    E2E_INSTANCE_A_PID: String(a.pid),
  });
}

fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
const busy = [];
for (let port = PORT; port <= PORT + 4; port++) if (!(await portFree(port))) busy.push(port);
if (busy.length) {
  console.error(
    `${busy.length > 1 ? "Порты" : "Порт"} ${busy.join(", ")} ${busy.length > 1 ? "заняты" : "занят"} (сервер от прерванного запуска?): остановите его или задайте E2E_PORT.`,
  );
  process.exit(1);
}
ensureBuilt();
const dataDir = path.join(root, ".test-data", `e2e-${Date.now()}`);
const started = Date.now();
const server = startServer(PORT, { DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "", DEMO_SEED: "auto" });
let code = 1;
function stopAll(signal = "SIGTERM") {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
// An interrupted run (Ctrl+C, `timeout`, a cancelled job) stops its servers and the tests too: else they keep the
// ports for the next run.
const SIGNAL_CODES = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
for (const [signal, number] of Object.entries(SIGNAL_CODES))
  process.on(signal, () => {
    stopAll();
    process.exit(128 + number);
  });
try {
  await waitFor(`http://127.0.0.1:${PORT}/login`, 300, server);
  console.log(`Сервер с демо-регионом готов за ${((Date.now() - started) / 1000).toFixed(1)} с`);
  const env = { ...process.env, E2E_BASE_URL: `http://127.0.0.1:${PORT}`, E2E_DATA_DIR: dataDir };
  if (process.env.E2E_DATABASE_URL) {
    const pgServer = startServer(PORT + 1, {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      DATA_DIR: path.join(dataDir, "pg-side"),
      DEMO_SEED: "auto",
    });
    await waitFor(`http://127.0.0.1:${PORT + 1}/login`, 120, pgServer);
    env.E2E_PG_BASE_URL = `http://127.0.0.1:${PORT + 1}`;
    await startInstances(process.env.E2E_DATABASE_URL, dataDir, env);
  }
  // Not spawnSync: while the tests run, a SIGTERM or Ctrl+C must still reach the handler that stops the servers.
  const tests = spawn(
    process.execPath,
    [
      path.join(root, "node_modules", "vitest", "vitest.mjs"),
      "run",
      "--config",
      "vitest.e2e.config.mts",
      ...process.argv.slice(2),
    ],
    { cwd: root, stdio: "inherit", env },
  );
  children.push(tests);
  code = await new Promise((resolve) => tests.on("exit", (status) => resolve(status ?? 1)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  stopAll();
}
process.exit(code);
