/**
 * Reminders (issue 13): notifications of the report workflow written with the transition, deadline scans by the
 * region's clock, and letters through a real SMTP server started here — a digest a day, an urgent return at once,
 * each letter exactly once (two workers racing, a crash after the claim), the user's choice of e-mails.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { notificationMails, notifications, regions, reports, roadmapItems } from "@/db/schema";
import { systemOrg } from "@/lib/auth/scoped";
import { claimLetter, sendDueMails } from "@/lib/notifications/mail";
import { deadlineStage, scanDeadlines } from "@/lib/notifications/scan";
import { setReminderClock } from "@/lib/notifications/time";
import { buildForm1, computeFromRegisters } from "@/lib/reports/compute";
import type { ReportStatus } from "@/lib/reports/status";
import { createTenant, type Tenant } from "./support/factories";
import { openPeriods } from "./support/periods";
import { signInAs } from "./support/session";
import { startSmtp, type TestSmtp } from "./support/smtp";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { submitReportAction, reviewReportAction, reopenReportAction } = await import("@/lib/reports/actions");
const { saveNotificationSettingsAction, markNotificationReadAction, markAllNotificationsReadAction } =
  await import("@/lib/notifications/actions");

let smtp: TestSmtp;
let t: Tenant;
const saved = { ...process.env };

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  process.env.SMTP_FROM = "Наставник <noreply@nastavnik.test>";
  process.env.APP_URL = "https://nastavnik.test";
  process.env.DIGEST_HOUR = "8";
  t = await createTenant("remind");
  // The region lives on Kamchatka's clock (UTC+12): its day starts 9 hours before Moscow's.
  const db = await getDb();
  await db.update(regions).set({ timeZone: "Asia/Kamchatka" }).where(eq(regions.id, t.regionId));
});

afterAll(async () => {
  setReminderClock(null);
  await smtp.close();
  process.env = saved;
});

beforeEach(() => {
  smtp.refuse = false;
});

async function listOf(userId: number) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id);
}

let quarter = 0;
/** A report of the organisation in a state, in a period of its own (year 2040+), open in the region. */
async function reportIn(organisationId: number, status: ReportStatus) {
  const db = await getDb();
  quarter += 1;
  const period = { year: 2040 + Math.floor(quarter / 4), quarter: (quarter % 4) + 1 };
  await openPeriods(t.regionId, period);
  const org = await systemOrg(db, organisationId);
  const [{ form1 }, computed] = await Promise.all([
    buildForm1(db, org, period),
    computeFromRegisters(db, org, period),
  ]);
  const [r] = await db
    .insert(reports)
    .values({ organisationId, ...period, status, form1, ...computed })
    .returning();
  return r;
}

/** Undoes the e-mail state of the tenant's users between cases: letters and their days are the case's own. */
async function forgetMail() {
  const db = await getDb();
  const ids = Object.values(t.users).map((u) => u.id);
  await db
    .update(notifications)
    .set({ mailId: null, readAt: new Date() })
    .where(inArray(notifications.userId, ids));
  await db.delete(notificationMails).where(inArray(notificationMails.userId, ids));
  smtp.letters.length = 0;
}

describe("the workflow's notifications, written with the transition", () => {
  it("a submission tells the municipality's coordinators, not the neighbour's", async () => {
    const r = await reportIn(t.orgId, "draft");
    signInAs(t.users.curator);
    const sent = await submitReportAction({ reportId: r.id, version: r.version, acknowledgeWarnings: true });
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    const mine = await listOf(t.users.coordinator.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "report_submitted", readAt: null });
    expect(mine[0].payload.body).toContain("СОШ № 1");
    expect(mine[0].payload.href).toBe(`/reports/${t.orgId}/${r.year}-${r.quarter}`);
    expect(await listOf(t.users.siblingCoordinator.id)).toHaveLength(0);
    expect(await listOf(t.users.curator.id)).toHaveLength(0);
  });

  it("a return tells the organisation's curators, with the comment; a reopening too, with the reason", async () => {
    const r = await reportIn(t.orgId, "submitted");
    signInAs(t.users.coordinator);
    const back = await reviewReportAction({
      reportId: r.id,
      version: r.version,
      decision: "return",
      comment: "Уточните численность педагогов",
    });
    expect(back.ok, JSON.stringify(back)).toBe(true);
    const [returned] = (await listOf(t.users.curator.id)).filter((n) => n.kind === "report_returned");
    expect(returned.payload).toMatchObject({
      title: "Отчёт возвращён на доработку",
      comment: "Уточните численность педагогов",
    });
    expect(await listOf(t.users.siblingCurator.id)).toHaveLength(0);

    const approved = await reportIn(t.orgId, "approved");
    signInAs(t.users.admin);
    const reopened = await reopenReportAction({
      reportId: approved.id,
      version: approved.version,
      reason: "Ошибка в численности наставников",
    });
    expect(reopened.ok, JSON.stringify(reopened)).toBe(true);
    const [again] = (await listOf(t.users.curator.id)).filter((n) => n.kind === "report_reopened");
    expect(again.payload.comment).toBe("Ошибка в численности наставников");
  });

  it("a refused transition leaves no notification (it rolls back with the write)", async () => {
    const r = await reportIn(t.orgId, "submitted");
    const before = (await listOf(t.users.curator.id)).length;
    signInAs(t.users.coordinator);
    const stale = await reviewReportAction({
      reportId: r.id,
      version: r.version + 5,
      decision: "return",
      comment: "Устаревшая версия формы",
    });
    expect(stale.ok).toBe(false);
    expect(await listOf(t.users.curator.id)).toHaveLength(before);
  });
});

describe("deadlines by the region's clock", () => {
  // The deadline of a far quarter, so that no other period of the suite is in the window.
  const period = { year: 2050, quarter: 1 };
  const deadline = "2050-04-10";
  const keysOf = async (userId: number) =>
    (await listOf(userId))
      .filter((n) => n.dedupeKey.endsWith(`:2050q1:${userId}`))
      .map((n) => n.dedupeKey.split(":")[0]);

  beforeAll(async () => {
    await openPeriods(t.regionId, period, { deadline });
    // The sibling organisation has sent its report: its curator is not reminded.
    const r = await reportIn(t.siblingOrgId, "submitted");
    const db = await getDb();
    await db.update(reports).set({ year: 2050, quarter: 1 }).where(eq(reports.id, r.id));
  });

  it("the stages: 7 days, 2 days, passed (and an old quarter is not news)", () => {
    expect([10, 8, 7, 5, 3, 2, 1, 0, -1, -30, -31].map(deadlineStage)).toEqual([
      null,
      null,
      "deadline7",
      "deadline7",
      "deadline7",
      "deadline2",
      "deadline2",
      "deadline2",
      "overdue",
      "overdue",
      null,
    ]);
  });

  it("7 days before on Kamchatka's calendar while Moscow's still says 8; each once, however many scans", async () => {
    const db = await getDb();
    // 13:00 UTC on 2 April: Moscow 16:00 on the 2nd (8 days left), Kamchatka 01:00 on the 3rd (7 days left).
    const now = new Date("2050-04-02T13:00:00Z");
    await scanDeadlines(db, new Date("2050-04-02T11:00:00Z")); // Kamchatka 23:00 on the 2nd: 8 days, nothing
    expect(await keysOf(t.users.curator.id)).toEqual([]);
    await Promise.all([scanDeadlines(db, now), scanDeadlines(db, now)]);
    await scanDeadlines(db, now);
    expect(await keysOf(t.users.curator.id)).toEqual(["deadline7"]);
    const [n] = (await listOf(t.users.curator.id)).filter((x) => x.dedupeKey.startsWith("deadline7:"));
    expect(n.payload.title).toBe("Срок сдачи отчёта — через 7 дней");
    expect(n.payload.body).toContain("10.04.2050");
    expect(await keysOf(t.users.siblingCurator.id)).toEqual([]);
  });

  it("2 days before, then passed at the region's midnight", async () => {
    const db = await getDb();
    await scanDeadlines(db, new Date("2050-04-07T20:00:00Z")); // Kamchatka: 8 April, 2 days left
    expect(await keysOf(t.users.curator.id)).toEqual(["deadline7", "deadline2"]);
    await scanDeadlines(db, new Date("2050-04-10T11:30:00Z")); // Kamchatka: 23:30 on the 10th, still due
    expect(await keysOf(t.users.curator.id)).toEqual(["deadline7", "deadline2"]);
    await scanDeadlines(db, new Date("2050-04-10T12:30:00Z")); // Kamchatka: 00:30 on the 11th, passed
    expect(await keysOf(t.users.curator.id)).toEqual(["deadline7", "deadline2", "overdue"]);
    const [passed] = (await listOf(t.users.curator.id)).filter((x) => x.kind === "deadline_passed");
    expect(passed.payload.title).toBe("Срок сдачи отчёта прошёл");
  });
});

describe("letters through SMTP", () => {
  const curator = () => t.users.curator;
  /** Kamchatka wall time as an instant: 08:05 on the 10th of June 2050 is 20:05 UTC on the 9th. */
  const kamchatka = (day: string, hhmm: string) =>
    new Date(new Date(`${day}T${hhmm}:00Z`).getTime() - 12 * 3600_000);

  async function add(userId: number, kind: string, key: string, createdAt: Date, comment?: string) {
    const db = await getDb();
    await db.insert(notifications).values({
      userId,
      kind,
      dedupeKey: `${key}:${userId}`,
      createdAt,
      payload: { title: `Событие ${key}`, body: `Текст ${key}`, href: "/reports", comment },
    });
  }

  beforeEach(forgetMail);

  it("one digest a day at 08:00 region time with everything since the last one", async () => {
    const db = await getDb();
    const day = "2050-06-10";
    await add(curator().id, "deadline_soon", "d1", kamchatka("2050-06-09", "15:00"));
    await add(curator().id, "report_reopened", "d2", kamchatka("2050-06-09", "18:00"));
    await sendDueMails(db, kamchatka(day, "07:55"));
    expect(smtp.to(curator().email)).toHaveLength(0);
    await sendDueMails(db, kamchatka(day, "08:01"));
    await sendDueMails(db, kamchatka(day, "08:02"));
    const letters = smtp.to(curator().email);
    expect(letters).toHaveLength(1);
    expect(letters[0].subject).toBe("Наставник: 2 новых уведомления");
    expect(letters[0].text).toContain("Событие d1");
    expect(letters[0].text).toContain("Событие d2");
    expect(letters[0].text).toContain("https://nastavnik.test/reports");
    // Later that day: waits for tomorrow's digest.
    await add(curator().id, "deadline_soon", "d3", kamchatka(day, "12:00"));
    await sendDueMails(db, kamchatka(day, "13:00"));
    expect(smtp.to(curator().email)).toHaveLength(1);
    await sendDueMails(db, kamchatka("2050-06-11", "08:00"));
    expect(smtp.to(curator().email)).toHaveLength(2);
    expect(smtp.to(curator().email)[1].subject).toBe("Наставник: событие d3");
  });

  it("a returned report's letter goes at once, with the comment; more that day go in the day's one digest", async () => {
    const db = await getDb();
    await add(curator().id, "report_returned", "u1", kamchatka("2050-06-20", "14:00"), "Исправьте форму 2");
    await sendDueMails(db, kamchatka("2050-06-20", "14:01"));
    const [letter] = smtp.to(curator().email);
    expect(letter.subject).toBe("Наставник: событие u1");
    expect(letter.text).toContain("Комментарий: Исправьте форму 2");
    // The urgent letter of the day is spent: the next return goes in the day's digest (none went at 08:00)…
    await add(curator().id, "report_returned", "u2", kamchatka("2050-06-20", "15:00"), "Снова");
    await sendDueMails(db, kamchatka("2050-06-20", "15:01"));
    expect(smtp.to(curator().email)).toHaveLength(2);
    expect(smtp.to(curator().email)[1].text).toContain("Снова");
    // …and one after that waits for tomorrow's digest: three letters a day at most, two in practice.
    await add(curator().id, "report_returned", "u3", kamchatka("2050-06-20", "16:00"), "И ещё");
    await sendDueMails(db, kamchatka("2050-06-20", "16:01"));
    expect(smtp.to(curator().email)).toHaveLength(2);
    await sendDueMails(db, kamchatka("2050-06-21", "08:00"));
    expect(smtp.to(curator().email)).toHaveLength(3);
    expect(smtp.to(curator().email)[2].text).toContain("И ещё");
  });

  it("a kind turned off in the profile sends no letter; the app still shows it", async () => {
    const db = await getDb();
    signInAs(curator());
    const off = await saveNotificationSettingsAction({
      email: {
        deadline_soon: false,
        deadline_passed: true,
        report_returned: true,
        report_reopened: true,
        report_submitted: true,
        roadmap_due: true,
        roadmap_overdue: true,
      },
    });
    expect(off.ok, JSON.stringify(off)).toBe(true);
    await add(curator().id, "deadline_soon", "p1", kamchatka("2050-07-01", "01:00"));
    await sendDueMails(db, kamchatka("2050-07-01", "09:00"));
    expect(smtp.to(curator().email)).toHaveLength(0);
    const kept = (await listOf(curator().id)).find((n) => n.dedupeKey === `p1:${curator().id}`);
    expect(kept).toMatchObject({ readAt: null, mailId: null });
    // And back on: the next digest carries it.
    const on = await saveNotificationSettingsAction({
      email: {
        deadline_soon: true,
        deadline_passed: true,
        report_returned: true,
        report_reopened: true,
        report_submitted: true,
        roadmap_due: true,
        roadmap_overdue: true,
      },
    });
    expect(on.ok).toBe(true);
    await sendDueMails(db, kamchatka("2050-07-02", "09:00"));
    expect(smtp.to(curator().email)).toHaveLength(1);
  });

  it("two workers racing for the same letters send one", async () => {
    const db = await getDb();
    await add(curator().id, "deadline_soon", "r1", kamchatka("2050-08-01", "01:00"));
    await add(t.users.coordinator.id, "report_submitted", "r2", kamchatka("2050-08-01", "02:00"));
    const now = kamchatka("2050-08-01", "08:30");
    const results = await Promise.all([sendDueMails(db, now), sendDueMails(db, now), sendDueMails(db, now)]);
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(2);
    expect(smtp.to(curator().email)).toHaveLength(1);
    expect(smtp.to(t.users.coordinator.email)).toHaveLength(1);
  });

  it("a crash after the claim sends nothing twice: the claimed letter is not resent", async () => {
    const db = await getDb();
    await add(curator().id, "deadline_soon", "c1", kamchatka("2050-09-01", "01:00"));
    const now = kamchatka("2050-09-01", "08:30");
    // The worker claims the letter and dies before the SMTP server accepts it.
    const claim = await claimLetter(db, curator(), "digest", "2050-09-01", now);
    expect(claim?.items).toHaveLength(1);
    // The restarted worker (or another instance) runs the same job.
    await sendDueMails(db, now);
    await sendDueMails(db, new Date(now.getTime() + 3600_000));
    expect(smtp.to(curator().email)).toHaveLength(0);
    const [mail] = await db.select().from(notificationMails).where(eq(notificationMails.id, claim!.mailId));
    expect(mail.state).toBe("claimed");
  });

  it("a letter the server refuses is given back and goes once the server accepts", async () => {
    const db = await getDb();
    await add(curator().id, "deadline_soon", "f1", kamchatka("2050-10-01", "01:00"));
    smtp.refuse = true;
    const now = kamchatka("2050-10-01", "08:30");
    expect(await sendDueMails(db, now)).toMatchObject({ sent: 0, failed: 1 });
    const [n] = (await listOf(curator().id)).filter((x) => x.dedupeKey === `f1:${curator().id}`);
    expect(n.mailId).toBeNull();
    smtp.refuse = false;
    expect(await sendDueMails(db, new Date(now.getTime() + 60_000))).toMatchObject({ sent: 1 });
    expect(smtp.to(curator().email)).toHaveLength(1);
  });

  it("without SMTP_URL nothing is claimed or sent; the notifications stay in the app", async () => {
    const db = await getDb();
    await add(curator().id, "deadline_soon", "n1", kamchatka("2050-11-01", "01:00"));
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      expect(await sendDueMails(db, kamchatka("2050-11-01", "09:00"))).toEqual({ sent: 0, failed: 0 });
    } finally {
      process.env.SMTP_URL = url;
    }
    const claims = await db
      .select()
      .from(notificationMails)
      .where(eq(notificationMails.userId, curator().id));
    expect(claims).toHaveLength(0);
  });
});

describe("the user's own notifications", () => {
  it("marks one read, refuses another user's, marks all up to the newest shown", async () => {
    const db = await getDb();
    const mine = (await listOf(t.users.curator.id))[0];
    await db.update(notifications).set({ readAt: null }).where(eq(notifications.userId, t.users.curator.id));
    signInAs(t.users.siblingCurator);
    const foreign = await markNotificationReadAction({ id: mine.id });
    expect(foreign).toMatchObject({ ok: false, code: "not_found" });
    signInAs(t.users.curator);
    expect(await markNotificationReadAction({ id: mine.id })).toMatchObject({
      ok: true,
      data: { marked: 1 },
    });
    const all = await listOf(t.users.curator.id);
    const last = Math.max(...all.map((n) => n.id));
    const done = await markAllNotificationsReadAction({ lastId: last });
    expect(done).toMatchObject({ ok: true, data: { marked: all.length - 1 } });
    const left = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, t.users.curator.id)));
    expect(left.every((n) => n.readAt)).toBe(true);
    expect(await markAllNotificationsReadAction({ lastId: last })).toMatchObject({ ok: false });
  });
});

describe("roadmap items by the region's clock", () => {
  it("coming due within a week and recently overdue: the owner's curators or coordinators, each once", async () => {
    const db = await getDb();
    const item = (
      title: string,
      dueDate: string,
      owner: { organisationId?: number; municipalityId?: number },
    ) => ({
      regionId: t.regionId,
      ...owner,
      position: 1,
      title,
      dueDate,
      duePrecision: "day" as const,
    });
    const rows = await db
      .insert(roadmapItems)
      .values([
        item("Семинар наставников", "2051-03-05", { organisationId: t.orgId }),
        item("Отчёт о наставничестве", "2051-02-20", { organisationId: t.orgId }),
        item("Совещание кураторов", "2051-03-06", { municipalityId: t.municipalityId }),
        item("Давний пункт", "2050-12-01", { organisationId: t.orgId }),
        item("Сделанный пункт", "2051-03-04", { organisationId: t.orgId }),
      ])
      .returning({ id: roadmapItems.id, title: roadmapItems.title });
    await db
      .update(roadmapItems)
      .set({ status: "done", doneDate: "2051-03-01" })
      .where(eq(roadmapItems.id, rows[4].id));
    const now = new Date("2051-03-01T03:00:00Z"); // Kamchatka: 15:00 on 1 March
    await Promise.all([scanDeadlines(db, now), scanDeadlines(db, now)]);
    const mine = async (userId: number) =>
      (await listOf(userId))
        .filter((n) => n.kind.startsWith("roadmap_"))
        .map((n) => [n.kind, n.payload.body]);
    const [due, , coordDue] = rows;
    expect(await mine(t.users.curator.id)).toEqual([
      ["roadmap_due", `«${due.title}» — срок 05.03.2051.`],
      ["roadmap_overdue", "«Отчёт о наставничестве» — срок был 20.02.2051, пункт не отмечен выполненным."],
    ]);
    expect(await mine(t.users.coordinator.id)).toEqual([
      ["roadmap_due", `«${coordDue.title}» — срок 06.03.2051.`],
    ]);
    expect(await mine(t.users.siblingCurator.id)).toEqual([]);
  });
});
