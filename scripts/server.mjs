// The production HTTP server, as `npm start` runs it. On PostgreSQL it runs WEB_CONCURRENCY workers (default:
// the machine's cores) that share the port, each one scripts/http-server.mjs; the embedded database belongs to
// one process, so there it runs one. A worker that dies is replaced; SIGTERM/SIGINT stop them all gracefully.
import cluster from "node:cluster";
import os from "node:os";

function workerCount() {
  if (!process.env.DATABASE_URL) {
    if (Number(process.env.WEB_CONCURRENCY) > 1)
      console.warn("WEB_CONCURRENCY не действует на встроенной базе: её открывает один процесс.");
    return 1;
  }
  const raw = process.env.WEB_CONCURRENCY;
  if (raw === undefined || raw === "") return os.availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`WEB_CONCURRENCY: нужно целое число от 1 до 64, а не «${raw}».`);
    process.exit(1);
  }
  return n;
}

const workers = workerCount();
if (workers === 1 || !cluster.isPrimary) {
  await import("./http-server.mjs");
} else {
  cluster.setupPrimary({
    exec: new URL("./http-server.mjs", import.meta.url).pathname,
    args: process.argv.slice(2),
  });
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  console.log(`Наставник: ${workers} рабочих процесса(ов) на одном порту`);
  // A worker that dies is replaced after a growing pause; if they keep dying (no database, a failed migration),
  // the server stops with an error instead of restarting forever.
  const recentExits = [];
  let failed = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length && now - recentExits[0] > 60_000) recentExits.shift();
    if (recentExits.length > 5) {
      console.error(
        "[server] рабочие процессы завершаются один за другим: сервер остановлен, причина — выше",
      );
      stopping = failed = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      setTimeout(() => process.exit(1), 12_000).unref();
      return;
    }
    console.error(
      `[server] рабочий процесс ${worker.process.pid} завершился (${signal ?? code}); запускаю новый`,
    );
    setTimeout(
      () => {
        if (!stopping) fork();
      },
      1000 * 2 ** (recentExits.length - 1),
    );
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 12_000).unref();
    });
  }
}
