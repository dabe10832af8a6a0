import type { PGlite } from "@electric-sql/pglite";
import { fromPglite, PgBoss } from "pg-boss";
import { getHandle, type DbHandle } from "@/db";
import { sendDueMails } from "./mail";
import { scanDeadlines } from "./scan";
import { reminderNow } from "./time";

/** The queues: the deadline scan and the letters. Both run on pg-boss's own schedule (cron, region-agnostic). */
export const SCAN_QUEUE = "reminders-scan";
export const MAIL_QUEUE = "reminders-mail";

/** The scan every 10 minutes, the letters every minute (an urgent one goes out within a minute or two). */
const SCHEDULES = { [SCAN_QUEUE]: "*/10 * * * *", [MAIL_QUEUE]: "* * * * *" } as const;

/**
 * A pg-boss over the app's database: on PostgreSQL its own small pool (pg) on the same database, on the embedded
 * PGlite the process's one connection (pg-boss's PGlite adapter). pg-boss keeps its tables in the `pgboss` schema
 * and migrates them itself on start.
 */
export function createBoss(handle: DbHandle, opts: { url?: string } = {}): PgBoss {
  const common = {
    schema: "pgboss",
    // Small: every instance runs a worker; the jobs are a few a minute.
    superviseIntervalSeconds: 60,
    monitorIntervalSeconds: 300,
    persistWarnings: false,
  };
  if (handle.kind === "postgres") {
    const url = opts.url ?? process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    return new PgBoss({ ...common, connectionString: url, max: 2, application_name: "nastavnik-reminders" });
  }
  const pglite = (handle.db as unknown as { $client: PGlite }).$client;
  return new PgBoss({ ...common, db: fromPglite(pglite), backend: "pglite" });
}

/** Creates the queues (idempotent) and their schedules; every instance may call it. */
export async function prepareQueues(boss: PgBoss, opts: { schedule?: boolean } = {}): Promise<void> {
  // A failed mail job is retried (the letter was refused before the server accepted it: claims are undone).
  await boss.createQueue(SCAN_QUEUE, { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
  await boss.createQueue(MAIL_QUEUE, {
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 600,
  });
  if (opts.schedule === false) return;
  for (const [name, cron] of Object.entries(SCHEDULES)) await boss.schedule(name, cron);
}

/**
 * Starts the workers of both queues on `boss`: each job goes to one worker of one instance. `onJob` hears of each
 * job a worker here took, with the job's data (tests count them).
 */
export async function work(
  boss: PgBoss,
  handle: DbHandle,
  opts: { pollingIntervalSeconds?: number; onJob?: (queue: string, data: unknown) => void } = {},
): Promise<void> {
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 5;
  await boss.work(SCAN_QUEUE, { pollingIntervalSeconds }, async ([job]) => {
    opts.onJob?.(SCAN_QUEUE, job?.data);
    await scanDeadlines(handle.db, reminderNow());
  });
  await boss.work(MAIL_QUEUE, { pollingIntervalSeconds }, async ([job]) => {
    opts.onJob?.(MAIL_QUEUE, job?.data);
    const { failed } = await sendDueMails(handle.db, reminderNow());
    // Refused letters gave their notifications back: failing the job makes the queue retry it later.
    if (failed) throw new Error(`${failed} letter(s) refused by the mail server`);
  });
}

/** Logs by name, code and first line only: a message may quote values. */
function logError(error: unknown) {
  const e = error as { name?: string; code?: string; message?: string };
  console.error(
    `[reminders] ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}: ${String(e.message ?? "").split("\n")[0]}`,
  );
}

const KEY = Symbol.for("nastavnik.reminders");
type Holder = { [KEY]?: Promise<PgBoss | null> };

/**
 * Starts the reminders in this process (instrumentation.ts, after the database is booted): the queue, its
 * schedules and the workers. REMINDERS=off leaves them out (a one-off script, a test). Once per process.
 */
export function startReminders(): Promise<PgBoss | null> {
  const g = globalThis as Holder;
  g[KEY] ??= (async () => {
    if (process.env.REMINDERS === "off") return null;
    try {
      const handle = await getHandle();
      const boss = createBoss(handle);
      boss.on("error", (error) => logError(error));
      await boss.start();
      await prepareQueues(boss);
      await work(boss, handle);
      // One scan now: a server started mid-morning does not wait for the next ten-minute mark.
      await boss.send(SCAN_QUEUE, {});
      console.log("[reminders] очередь уведомлений запущена");
      return boss;
    } catch (error) {
      // The app works without reminders; the log says why they are off.
      logError(error);
      return null;
    }
  })();
  return g[KEY];
}
