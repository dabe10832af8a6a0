/**
 * The reminders' queue (pg-boss) over the app's own database — PGlite in this process, or PostgreSQL with each
 * instance's pool — with two instances' workers racing: each job goes to one worker, and each letter out once.
 */
import { eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getHandle } from "@/db";
import { notifications, regions } from "@/db/schema";
import { createBoss, MAIL_QUEUE, prepareQueues, SCAN_QUEUE, work } from "@/lib/notifications/queue";
import { setReminderClock } from "@/lib/notifications/time";
import { createTenant, type Tenant } from "./support/factories";
import { startSmtp, type TestSmtp } from "./support/smtp";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let smtp: TestSmtp;
let t: Tenant;
const bosses: PgBoss[] = [];
const taken: string[] = [];
const saved = { ...process.env };

async function until(check: () => boolean | Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  smtp = await startSmtp();
  Object.assign(process.env, {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SMTP_FROM: "noreply@nastavnik.test",
    APP_URL: "https://nastavnik.test",
    DIGEST_HOUR: "8",
  });
  t = await createTenant("queue");
  const handle = await getHandle();
  await handle.db.update(regions).set({ timeZone: "Europe/Moscow" }).where(eq(regions.id, t.regionId));
  // Two app instances: each its own pg-boss (on PostgreSQL, its own pool), each with the workers it runs.
  for (let i = 0; i < 2; i++) {
    const boss = createBoss(handle);
    boss.on("error", () => {});
    await boss.start();
    await prepareQueues(boss, { schedule: i === 0 });
    // Each job taken, with its probe: a job the every-minute schedule adds meanwhile has none ("cron").
    await work(boss, handle, {
      pollingIntervalSeconds: 0.5,
      onJob: (q, data) => taken.push(`${i}:${q}:${(data as { probe?: string } | null)?.probe ?? "cron"}`),
    });
    bosses.push(boss);
  }
  // The moved clock: 09:00 in Moscow on 1 March 2051, past the digest hour.
  setReminderClock(() => new Date("2051-03-01T06:00:00Z"));
}, 120_000);

afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, close: true, timeout: 5_000 });
  setReminderClock(null);
  await smtp.close();
  process.env = saved;
});

describe("the reminders' queue", () => {
  it("both queues exist with their schedules (a cron of pg-boss, not a loop of ours)", async () => {
    const schedules = await bosses[0].getSchedules();
    expect(schedules.map((s) => s.name).sort()).toEqual([MAIL_QUEUE, SCAN_QUEUE].sort());
  });

  it("one job, two instances' workers polling: one of them takes it, one letter goes", async () => {
    const handle = await getHandle();
    await handle.db.insert(notifications).values({
      userId: t.users.curator.id,
      kind: "deadline_soon",
      dedupeKey: `queue-1:${t.users.curator.id}`,
      createdAt: new Date("2051-02-28T12:00:00Z"),
      payload: { title: "Срок сдачи отчёта — через 7 дней", body: "Проверка очереди", href: "/reports" },
    });
    taken.length = 0;
    await bosses[1].send(MAIL_QUEUE, { probe: "one" });
    await until(() => smtp.to(t.users.curator.email).length > 0);
    await new Promise((r) => setTimeout(r, 1500));
    // The mail queue's schedule runs every minute: a job it adds if the test spans a minute is not this one.
    expect(taken.filter((q) => q.endsWith(`${MAIL_QUEUE}:one`))).toHaveLength(1);
    expect(smtp.to(t.users.curator.email)).toHaveLength(1);
  });

  it("several jobs at once on both instances still send each letter once", async () => {
    const handle = await getHandle();
    await handle.db.insert(notifications).values({
      userId: t.users.coordinator.id,
      kind: "report_submitted",
      dedupeKey: `queue-2:${t.users.coordinator.id}`,
      createdAt: new Date("2051-02-28T12:00:00Z"),
      payload: { title: "Отчёт отправлен на проверку", body: "Проверка очереди", href: "/reports" },
    });
    taken.length = 0;
    await Promise.all([0, 1, 0, 1].map((i) => bosses[i].send(MAIL_QUEUE, { probe: "many" })));
    await until(() => taken.filter((q) => q.endsWith(`${MAIL_QUEUE}:many`)).length >= 4);
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.to(t.users.coordinator.email)).toHaveLength(1);
    expect(smtp.to(t.users.curator.email)).toHaveLength(1);
  });
});
