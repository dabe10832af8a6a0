import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, reports, reportTransitions } from "@/db/schema";
import {
  createReportAction,
  reopenReportAction,
  reviewReportAction,
  saveReportAction,
  submitReportAction,
} from "@/lib/reports/actions";
import { cacheVersion } from "@/lib/cache";
import { DEFAULT_TIME_ZONE, quarterIn } from "@/lib/clock";
import { scopeOrg, systemOrg } from "@/lib/auth/scoped";
import { buildForm1, computeFromRegisters } from "@/lib/reports/compute";
import { periodLabel, previousPeriod } from "@/lib/reports/domain";
import { reportPageData } from "@/lib/reports/page-data";
import { changedTables, fingerprint } from "./support/db-fingerprint";
import { createTenant, type Tenant } from "./support/factories";
import { openPeriods, periodRow } from "./support/periods";
import { createMentee, createMentor, createMentorship, createProgramme } from "./support/registry-factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { updatePeriodAction } = await import("@/lib/admin/periods/actions");

let t: Tenant;
const now = quarterIn(DEFAULT_TIME_ZONE);
const period = `${now.year}-${now.quarter}`;
const thisYear = now.year;

beforeAll(async () => {
  t = await createTenant("reports");
  // Reports are accepted in the open periods of the organisation's region.
  await openPeriods(t.regionId, now);
  // A pupil mentored in two programmes, and a peer mentor: 3 learners, counted once each.
  const p1 = await createProgramme(t.orgId, {
    title: "Лидер",
    format: "pupil_pupil",
    startDate: `${thisYear}-01-10`,
  });
  const p2 = await createProgramme(t.orgId, {
    title: "Олимпиада",
    format: "teacher_pupil",
    startDate: `${thisYear}-01-10`,
  });
  const peer = await createMentor(t.orgId, { category: "pupil", birthYear: thisYear - 16 });
  const teacher = await createMentor(t.orgId, { category: "teacher", birthYear: 1980 });
  const pupil = await createMentee(t.orgId, { birthYear: thisYear - 12 });
  const other = await createMentee(t.orgId, { birthYear: thisYear - 13 });
  await createMentorship(p1, peer.id, pupil.id, { entryDate: `${thisYear}-01-15` });
  await createMentorship(p1, peer.id, other.id, { entryDate: `${thisYear}-01-15` });
  await createMentorship(p2, teacher.id, pupil.id, { entryDate: `${thisYear}-01-20` });
});

async function load(id: number) {
  const db = await getDb();
  const [r] = await db.select().from(reports).where(eq(reports.id, id));
  return r;
}
const form1Of = (r: Awaited<ReturnType<typeof load>>) => ({
  directorName: r.form1.directorName,
  phone: r.form1.phone,
  email: r.form1.email,
  address: r.form1.address,
  learners10to18: r.form1.learners10to18,
  teachingStaff: r.form1.teachingStaff,
  youngTeachers: r.form1.youngTeachers,
  curatorName: r.form1.curatorName,
});

describe("the quarterly report cycle", () => {
  let id: number;

  it("a curator starts the report: form 1 from the card, forms computed from the register", async () => {
    signInAs(t.users.curator);
    const before = cacheVersion();
    const created = await createReportAction({ organisationId: t.orgId, period });
    expect(created.ok).toBe(true);
    // Completeness counts changed: the kept pages showing them (lib/http/kept-pages.ts) are dropped.
    expect(cacheVersion()).toBeGreaterThan(before);
    if (!created.ok) return;
    id = created.data.id;
    const r = await load(id);
    expect(r).toMatchObject({ status: "draft", mode: "register", version: 1 });
    expect(r.form1.learners10to18).toBe(300);
    expect(r.forms.form2.rows).toEqual([expect.objectContaining({ title: "Лидер", mentors: 1, mentees: 2 })]);
    expect(r.forms.other.rows).toEqual([
      expect.objectContaining({ title: "Олимпиада", mentors: 1, mentees: 1 }),
    ]);
    expect(r.summary).toMatchObject({
      learnerMentees: 2,
      learnerMentors: 1,
      learnersAny: 3,
      teacherMentors: 1,
    });
  });

  it("starting it again returns the same report; the ministry and another curator cannot start it", async () => {
    expect(await createReportAction({ organisationId: t.orgId, period })).toEqual({ ok: true, data: { id } });
    signInAs(t.users.siblingCurator);
    expect((await createReportAction({ organisationId: t.orgId, period })).ok).toBe(false);
    signInAs(t.users.ministry);
    expect((await createReportAction({ organisationId: t.orgId, period })).ok).toBe(false);
  });

  it("two concurrent saves of one version: exactly one wins, the other gets a conflict naming who saved", async () => {
    signInAs(t.users.curator);
    const r = await load(id);
    const base = { reportId: id, version: r.version, mode: "register" as const };
    const results = await Promise.all([
      saveReportAction({ ...base, form1: { ...form1Of(r), phone: "111" } }),
      saveReportAction({ ...base, form1: { ...form1Of(r), phone: "222" } }),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    const loser = results.find((x) => !x.ok);
    expect(loser).toMatchObject({
      ok: false,
      code: "conflict",
      formError: expect.stringMatching(/^Отчёт уже изменили \(curator .*\), пока форма была открыта у вас/),
    });
    const after = await load(id);
    expect(after.version).toBe(r.version + 1);
    expect(["111", "222"]).toContain(after.form1.phone);
  });

  it("refuses to submit while an error remains, naming the field", async () => {
    const r = await load(id);
    expect(
      (
        await saveReportAction({
          reportId: id,
          version: r.version,
          mode: "register",
          form1: { ...form1Of(r), learners10to18: 1 },
        })
      ).ok,
    ).toBe(true);
    const result = await submitReportAction({ reportId: id, version: r.version + 1 });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/исправьте ошибки/) });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["summary.learnerMentees", "summary.learnersAny"]),
    );
    expect((await load(id)).status).toBe("draft");
  });

  it("submits once the error is fixed; then the curator can no longer save", async () => {
    let r = await load(id);
    await saveReportAction({
      reportId: id,
      version: r.version,
      mode: "register",
      form1: { ...form1Of(r), learners10to18: 300 },
    });
    r = await load(id);
    const result = await submitReportAction({ reportId: id, version: r.version, acknowledgeWarnings: true });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    r = await load(id);
    expect(r.status).toBe("submitted");
    const save = await saveReportAction({
      reportId: id,
      version: r.version,
      mode: "register",
      form1: form1Of(r),
    });
    expect(save).toMatchObject({ ok: false, formError: expect.stringMatching(/на проверке/) });
  });

  it("the coordinator must say why when returning; the returned report is editable and resubmitted", async () => {
    signInAs(t.users.coordinator);
    let r = await load(id);
    expect(
      await reviewReportAction({ reportId: id, version: r.version, decision: "return", comment: "" }),
    ).toMatchObject({ ok: false, fieldErrors: { comment: [expect.any(String)] } });
    const beforeReturn = cacheVersion();
    expect(
      (
        await reviewReportAction({
          reportId: id,
          version: r.version,
          decision: "return",
          comment: "Уточните численность педагогов",
        })
      ).ok,
    ).toBe(true);
    expect(cacheVersion(), "a return drops the kept pages").toBeGreaterThan(beforeReturn);
    signInAs(t.users.curator);
    r = await load(id);
    expect(r.status).toBe("returned");
    expect(
      (
        await saveReportAction({
          reportId: id,
          version: r.version,
          mode: "register",
          form1: { ...form1Of(r), teachingStaff: 42 },
        })
      ).ok,
    ).toBe(true);
    expect((await load(id)).status).toBe("returned");
    const beforeSubmit = cacheVersion();
    expect(
      (await submitReportAction({ reportId: id, version: r.version + 1, acknowledgeWarnings: true })).ok,
    ).toBe(true);
    expect(cacheVersion(), "a submission drops the kept pages").toBeGreaterThan(beforeSubmit);
  });

  it("a coordinator of another municipality cannot approve; the own coordinator can", async () => {
    const r = await load(id);
    signInAs(t.users.siblingCoordinator);
    expect(await reviewReportAction({ reportId: id, version: r.version, decision: "approve" })).toMatchObject(
      { ok: false, formError: "Отчёт не найден или недоступен." },
    );
    signInAs(t.users.coordinator);
    expect((await reviewReportAction({ reportId: id, version: r.version, decision: "approve" })).ok).toBe(
      true,
    );
    expect((await load(id)).status).toBe("approved");
  });

  it("an approved report refuses saves and transitions, except a reopening by the admin with a reason", async () => {
    const r = await load(id);
    for (const user of [t.users.curator, t.users.admin]) {
      signInAs(user);
      expect(
        (await saveReportAction({ reportId: id, version: r.version, mode: "register", form1: form1Of(r) }))
          .ok,
      ).toBe(false);
      expect(
        (await submitReportAction({ reportId: id, version: r.version, acknowledgeWarnings: true })).ok,
      ).toBe(false);
    }
    signInAs(t.users.coordinator);
    expect(
      (await reviewReportAction({ reportId: id, version: r.version, decision: "return", comment: "ещё раз" }))
        .ok,
    ).toBe(false);
    expect(
      (await reopenReportAction({ reportId: id, version: r.version, reason: "Ошибка в форме 3" })).ok,
    ).toBe(false);
    expect((await load(id)).version).toBe(r.version);
    signInAs(t.users.admin);
    expect(await reopenReportAction({ reportId: id, version: r.version, reason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: [expect.any(String)] },
    });
    expect(
      (await reopenReportAction({ reportId: id, version: r.version, reason: "Ошибка в форме 3" })).ok,
    ).toBe(true);
    expect((await load(id)).status).toBe("returned");
  });

  it("kept every transition and an audit record of every save and transition", async () => {
    const db = await getDb();
    const history = await db
      .select()
      .from(reportTransitions)
      .where(eq(reportTransitions.reportId, id))
      .orderBy(reportTransitions.id);
    expect(history.map((h) => `${h.fromStatus ?? "-"}>${h.toStatus}`)).toEqual([
      "->draft",
      "draft>submitted",
      "submitted>returned",
      "returned>submitted",
      "submitted>approved",
      "approved>returned",
    ]);
    expect(history[2].comment).toBe("Уточните численность педагогов");
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "report"), eq(auditLog.entityId, String(id))))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["create", "save", "submit", "return", "approve", "reopen"]),
    );
  });
});

describe("periods of the organisation's region", () => {
  // The quarter before the current one: open, then closed by the region's admin while a draft is in progress.
  const prev = previousPeriod(now);
  const prevKey = `${prev.year}-${prev.quarter}`;
  let other: Tenant;
  let draft: number;
  let submitted: number;

  beforeAll(async () => {
    other = await createTenant("reports-other");
    await openPeriods(t.regionId, prev);
    await openPeriods(other.regionId, prev);
    // A report of the sibling school handed in while the period was open.
    const db = await getDb();
    const org = await systemOrg(db, t.siblingOrgId);
    const [{ form1 }, computed] = await Promise.all([
      buildForm1(db, org, prev),
      computeFromRegisters(db, org, prev),
    ]);
    const [r] = await db
      .insert(reports)
      .values({ organisationId: t.siblingOrgId, ...prev, status: "submitted", form1, ...computed })
      .returning();
    submitted = r.id;
  });

  it("while the period is open, the curator starts and saves the report", async () => {
    signInAs(t.users.curator);
    const created = await createReportAction({ organisationId: t.orgId, period: prevKey });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    draft = created.data.id;
    const r = await load(draft);
    expect(
      (await saveReportAction({ reportId: draft, version: r.version, mode: "register", form1: form1Of(r) }))
        .ok,
    ).toBe(true);
  });

  it("once the region's admin closes it, saving, submitting and starting are refused and nothing is written", async () => {
    signInAs(t.users.admin);
    const p = await periodRow(t.regionId, prev);
    const closed = await updatePeriodAction({
      ...prev,
      deadline: p.deadline,
      open: false,
      updatedAt: p.updatedAt.toISOString(),
    });
    expect(closed.ok, JSON.stringify(closed)).toBe(true);

    const r = await load(draft);
    const before = await fingerprint();
    signInAs(t.users.curator);
    const save = await saveReportAction({
      reportId: draft,
      version: r.version,
      mode: "register",
      form1: { ...form1Of(r), phone: "333" },
    });
    expect(save).toMatchObject({
      ok: false,
      code: "refused",
      formError: `Нельзя сохранить: приём отчётов за ${periodLabel(prev)} закрыт. Если отчёт нужно изменить, обратитесь к администратору региона.`,
    });
    const submit = await submitReportAction({
      reportId: draft,
      version: r.version,
      acknowledgeWarnings: true,
    });
    expect(submit).toMatchObject({
      ok: false,
      code: "refused",
      formError: expect.stringMatching(/^Нельзя отправить на проверку: приём отчётов за .* закрыт\./),
    });
    // The admin drafts too: starting another school's report in the closed period is refused as well.
    signInAs(t.users.admin);
    const create = await createReportAction({ organisationId: t.otherMunicipalityOrgId, period: prevKey });
    expect(create).toMatchObject({
      ok: false,
      code: "refused",
      formError: expect.stringMatching(/^Нельзя начать отчёт: приём отчётов за .* закрыт\./),
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);
    expect(await load(draft)).toMatchObject({ version: r.version, status: "draft" });
  });

  it("the report page shows the closed period and offers no saving, submitting or starting", async () => {
    const page = await reportPageData(
      t.users.curator,
      await scopeOrg(t.users.curator, t.orgId, "view"),
      prev,
    );
    expect(page).toMatchObject({ intake: "closed", editable: false, canSubmit: false });
    const empty = await reportPageData(
      t.users.admin,
      await scopeOrg(t.users.admin, t.otherMunicipalityOrgId, "view"),
      prev,
    );
    expect(empty).toMatchObject({ intake: "closed", report: null, canCreate: false });
    const open = await reportPageData(t.users.curator, await scopeOrg(t.users.curator, t.orgId, "view"), now);
    expect(open).toMatchObject({ intake: "open" });
  });

  it("the coordinator's review goes on in a closed period: a handed-in report is approved", async () => {
    signInAs(t.users.coordinator);
    const r = await load(submitted);
    const approved = await reviewReportAction({
      reportId: submitted,
      version: r.version,
      decision: "approve",
    });
    expect(approved.ok, JSON.stringify(approved)).toBe(true);
    expect((await load(submitted)).status).toBe("approved");
  });

  it("another region's period stays open: closing is the region's own", async () => {
    signInAs(other.users.curator);
    const created = await createReportAction({ organisationId: other.orgId, period: prevKey });
    expect(created.ok, JSON.stringify(created)).toBe(true);
  });

  it("a quarter the region never opened is refused, even by a direct call (I квартал 2020)", async () => {
    const before = await fingerprint();
    for (const user of [t.users.curator, t.users.admin]) {
      signInAs(user);
      expect(await createReportAction({ organisationId: t.orgId, period: "2020-1" })).toMatchObject({
        ok: false,
        code: "refused",
        formError:
          "Нельзя начать отчёт: приём отчётов за I квартал 2020 г. не открыт. Отчётные периоды открывает администратор региона.",
      });
    }
    expect(changedTables(before, await fingerprint())).toEqual([]);
    const db = await getDb();
    const made = await db
      .select()
      .from(reports)
      .where(and(eq(reports.organisationId, t.orgId), eq(reports.year, 2020), eq(reports.quarter, 1)));
    expect(made).toEqual([]);
  });

  it("a draft of a quarter that was never opened cannot be saved or submitted", async () => {
    // A draft left from before periods were checked (or by a direct insert): the period is not open.
    const db = await getDb();
    const org = await systemOrg(db, t.orgId);
    const p = { year: 2020, quarter: 2 };
    const [{ form1 }, computed] = await Promise.all([
      buildForm1(db, org, p),
      computeFromRegisters(db, org, p),
    ]);
    const [r] = await db
      .insert(reports)
      .values({ organisationId: t.orgId, ...p, status: "draft", form1, ...computed })
      .returning();
    signInAs(t.users.curator);
    const before = await fingerprint();
    expect(
      await saveReportAction({ reportId: r.id, version: r.version, mode: "register", form1: form1Of(r) }),
    ).toMatchObject({ ok: false, code: "refused", formError: expect.stringMatching(/не открыт/) });
    expect(
      await submitReportAction({ reportId: r.id, version: r.version, acknowledgeWarnings: true }),
    ).toMatchObject({ ok: false, code: "refused", formError: expect.stringMatching(/не открыт/) });
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});
