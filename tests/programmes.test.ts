import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, mentorships, persons, programmes } from "@/db/schema";
import {
  archiveProgrammeAction,
  restoreProgrammeAction,
  createProgrammeAction,
  updateProgrammeAction,
} from "@/lib/registry/programmes/actions";
import { scopeOrg } from "@/lib/auth/scoped";
import { assignMentorshipsAction } from "@/lib/registry/mentorships/actions";
import { parseProgrammeFilters } from "@/lib/registry/programmes/filters";
import { getProgramme, listProgrammes, programmeCounts } from "@/lib/registry/programmes/queries";
import { createTenant, type Tenant } from "./support/factories";
import { createMentee, createMentor, createMentorship, createProgramme } from "./support/registry-factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("prog");
});

function valid(organisationId: number, patch: Record<string, unknown> = {}) {
  return {
    organisationId,
    title: "Лидер",
    format: "pupil_pupil",
    roleModel: "лидер – пассивный",
    modes: ["групповое", "традиционное"],
    goal: "Вовлечь пассивных обучающихся в проектную деятельность",
    expectedResults: "",
    achievedResults: "",
    startDate: "2024-09-01",
    endDate: "2025-05-31",
    stage: "implementation",
    bestPracticeProposed: true,
    ...patch,
  };
}

async function row(id: number) {
  const db = await getDb();
  const [p] = await db.select().from(programmes).where(eq(programmes.id, id));
  return p;
}

async function auditOf(id: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "programme"), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
}

async function countOf(organisationId: number) {
  const db = await getDb();
  return (await db.select().from(programmes).where(eq(programmes.organisationId, organisationId))).length;
}

function editInput(p: Awaited<ReturnType<typeof row>>, patch: Record<string, unknown> = {}) {
  const { organisationId: _o, createdAt: _c, archived: _a, ...rest } = p;
  return { ...rest, updatedAt: p.updatedAt.toISOString(), endDate: p.endDate ?? "", ...patch };
}

describe("createProgrammeAction", () => {
  it("creates the curator's programme and audits it", async () => {
    signInAs(t.users.curator);
    const result = await createProgrammeAction(valid(t.orgId));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await row(result.data.id)).toMatchObject({
      organisationId: t.orgId,
      title: "Лидер",
      modes: ["групповое", "традиционное"],
      bestPracticeProposed: true,
      bestPractice: false,
      endDate: "2025-05-31",
    });
    const [record] = await auditOf(result.data.id);
    expect(record).toMatchObject({
      action: "create",
      userId: t.users.curator.id,
      organisationId: t.orgId,
      municipalityId: t.municipalityId,
    });
    expect(record.changes).toMatchObject({ title: "Лидер", format: "pupil_pupil" });
  });

  it("accepts FormData from a form without JavaScript", async () => {
    signInAs(t.users.curator);
    const data = new FormData();
    for (const [k, v] of Object.entries(valid(t.orgId, { title: "Без скриптов", endDate: "" }))) {
      if (k === "modes") (v as string[]).forEach((m) => data.append("modes", m));
      else if (k === "bestPracticeProposed") data.append(k, "on");
      else data.append(k, String(v));
    }
    const result = await createProgrammeAction(data);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(await row(result.data.id)).toMatchObject({ endDate: null, bestPracticeProposed: true });
  });

  it("takes free text as the role model of «педагог – ученик»", async () => {
    signInAs(t.users.curator);
    const result = await createProgrammeAction(
      valid(t.orgId, { format: "teacher_pupil", roleModel: "педагог – одарённый ученик" }),
    );
    expect(result.ok).toBe(true);
  });

  it("returns every field's message in Russian and writes nothing", async () => {
    signInAs(t.users.curator);
    const before = await countOf(t.orgId);
    const result = await createProgrammeAction(
      valid(t.orgId, {
        title: "",
        roleModel: "опытный педагог – молодой специалист",
        modes: ["волшебное"],
        startDate: "2024-09-01",
        endDate: "2024-01-31",
        stage: "final",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(
      ["endDate", "modes.0", "roleModel", "stage", "title"].sort(),
    );
    expect(result.fieldErrors?.roleModel?.[0]).toBe(
      "Ролевая модель: выберите одну из моделей формы «Ученик – ученик».",
    );
    expect(result.fieldErrors?.endDate?.[0]).toMatch(/^Дата окончания: не может быть раньше/);
    expect(result.fieldErrors?.title?.[0]).toMatch(/^Название/);
    expect(await countOf(t.orgId)).toBe(before);
  });

  it("refuses a missing or impossible start date and an unknown format", async () => {
    signInAs(t.users.curator);
    const missing = await createProgrammeAction(valid(t.orgId, { startDate: "", format: "teacher_parent" }));
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: {
        startDate: ["Дата начала: укажите дату."],
        format: ["Форма наставничества: выберите из списка."],
      },
    });
    const impossible = await createProgrammeAction(valid(t.orgId, { startDate: "2024-02-30" }));
    expect(impossible).toMatchObject({ ok: false, fieldErrors: { startDate: [expect.any(String)] } });
  });

  it("gives a curator no way into another organisation and refuses coordinators and the ministry", async () => {
    const before = await countOf(t.siblingOrgId);
    signInAs(t.users.curator);
    expect(await createProgrammeAction(valid(t.siblingOrgId))).toMatchObject({
      ok: false,
      formError: "Организация не найдена или недоступна.",
    });
    for (const user of [t.users.coordinator, t.users.ministry, null]) {
      signInAs(user);
      expect((await createProgrammeAction(valid(t.orgId))).ok).toBe(false);
    }
    expect(await countOf(t.siblingOrgId)).toBe(before);
  });
});

describe("updateProgrammeAction", () => {
  it("saves the changes and records them in the audit log", async () => {
    signInAs(t.users.curator);
    const p = await createProgramme(t.orgId, { format: "pupil_pupil", roleModel: "равный – равному" });
    const result = await updateProgrammeAction(
      editInput(p, { stage: "reflective", achievedResults: "Средний балл вырос на 0,4" }),
    );
    expect(result.ok).toBe(true);
    expect(await row(p.id)).toMatchObject({
      stage: "reflective",
      achievedResults: "Средний балл вырос на 0,4",
    });
    const [record] = await auditOf(p.id);
    expect(record).toMatchObject({ action: "update", userId: t.users.curator.id });
    expect(record.changes).toMatchObject({ stage: ["implementation", "reflective"] });
  });

  it("refuses a save over a newer version and names who saved it", async () => {
    signInAs(t.users.curator);
    const stale = await createProgramme(t.orgId);
    expect((await updateProgrammeAction(editInput(stale, { goal: "первая правка" }))).ok).toBe(true);
    const second = await updateProgrammeAction(editInput(stale, { goal: "вторая правка" }));
    expect(second).toMatchObject({ ok: false, formError: expect.stringContaining(t.users.curator.name) });
    expect((await row(stale.id)).goal).toBe("первая правка");
  });

  it("refuses a role model outside the new format", async () => {
    signInAs(t.users.curator);
    const p = await createProgramme(t.orgId);
    const result = await updateProgrammeAction(editInput(p, { format: "employer_pupil" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { roleModel: [expect.stringMatching(/Работодатель/)] },
    });
  });

  it("keeps the format once the programme has pairs", async () => {
    signInAs(t.users.curator);
    const p = await createProgramme(t.orgId);
    await createMentorship(p, (await createMentor(t.orgId)).id, (await createMentee(t.orgId)).id);
    const result = await updateProgrammeAction(
      editInput(p, { format: "pupil_pupil", roleModel: "равный – равному" }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { format: [expect.stringMatching(/пары/)] } });
    expect((await row(p.id)).format).toBe("teacher_pupil");
  });

  it("answers «not found» for another organisation's programme and refuses a coordinator", async () => {
    const p = await createProgramme(t.siblingOrgId);
    signInAs(t.users.curator);
    expect(await updateProgrammeAction(editInput(p, { title: "чужая" }))).toMatchObject({
      ok: false,
      code: "not_found",
      formError: "Программа не найдена или недоступна.",
    });
    signInAs(t.users.coordinator);
    expect(await updateProgrammeAction(editInput(p, { title: "чужая" }))).toMatchObject({
      ok: false,
      formError: "Недостаточно прав для этого действия.",
    });
    expect((await row(p.id)).title).not.toBe("чужая");
    expect(await auditOf(p.id)).toEqual([]);
  });
});

describe("archiveProgrammeAction", () => {
  it("archives the programme with its pairs, and audits both", async () => {
    signInAs(t.users.admin);
    const p = await createProgramme(t.orgId);
    const m = await createMentorship(p, (await createMentor(t.orgId)).id, (await createMentee(t.orgId)).id);
    const result = await archiveProgrammeAction({ id: p.id, updatedAt: p.updatedAt.toISOString() });
    expect(result.ok).toBe(true);
    expect((await row(p.id)).archived).toBe(true);
    const db = await getDb();
    const [pair] = await db.select().from(mentorships).where(eq(mentorships.id, m.id));
    expect(pair.archived).toBe(true);
    expect(await auditOf(p.id)).toMatchObject([{ action: "archive", userId: t.users.admin.id }]);
    const again = await archiveProgrammeAction({ id: p.id, updatedAt: new Date().toISOString() });
    expect(again).toMatchObject({ ok: false, formError: expect.stringMatching(/в архиве/) });
  });

  it("brings the programme back with the pairs archived with it, not those archived before", async () => {
    signInAs(t.users.curator);
    const p = await createProgramme(t.orgId);
    const withIt = await createMentorship(
      p,
      (await createMentor(t.orgId)).id,
      (await createMentee(t.orgId)).id,
    );
    const before = await createMentorship(
      p,
      (await createMentor(t.orgId)).id,
      (await createMentee(t.orgId)).id,
    );
    const db = await getDb();
    await db
      .update(mentorships)
      .set({ archived: true, updatedAt: new Date(Date.now() - 60_000) })
      .where(eq(mentorships.id, before.id));
    const goneMentee = await createMentee(t.orgId);
    const withGone = await createMentorship(p, (await createMentor(t.orgId)).id, goneMentee.id);
    expect((await archiveProgrammeAction({ id: p.id, updatedAt: p.updatedAt.toISOString() })).ok).toBe(true);
    // While the programme is in the archive, one mentee leaves the register.
    await db.update(persons).set({ archived: true }).where(eq(persons.id, goneMentee.id));
    const restored = await restoreProgrammeAction({ id: p.id });
    expect(restored).toMatchObject({ ok: true, data: { mentorships: 1 } });
    expect((await row(p.id)).archived).toBe(false);
    const pairs = await db.select().from(mentorships).where(eq(mentorships.programmeId, p.id));
    expect(Object.fromEntries(pairs.map((m) => [m.id, m.archived]))).toEqual({
      [withIt.id]: false,
      [before.id]: true,
      [withGone.id]: true,
    });
    expect((await auditOf(p.id)).map((r) => r.action)).toEqual(["archive", "restore"]);
    expect(await restoreProgrammeAction({ id: p.id })).toMatchObject({
      ok: false,
      formError: "Программы нет в архиве: возможно, её уже вернули.",
    });
    // Another organisation's curator cannot bring it back.
    const other = await createProgramme(t.orgId, { archived: true });
    signInAs(t.users.siblingCurator);
    expect((await restoreProgrammeAction({ id: other.id })).ok).toBe(false);
    expect((await row(other.id)).archived).toBe(true);
  });

  it("refuses another organisation's programme", async () => {
    signInAs(t.users.siblingCurator);
    const p = await createProgramme(t.orgId);
    const result = await archiveProgrammeAction({ id: p.id, updatedAt: p.updatedAt.toISOString() });
    expect(result.ok).toBe(false);
    expect((await row(p.id)).archived).toBe(false);
  });
});

describe("a sibling organisation's programme", () => {
  it("is «not found» to a curator, as an unknown id is, for every write, and nothing changes", async () => {
    const live = await createProgramme(t.siblingOrgId);
    const archived = await createProgramme(t.siblingOrgId, { archived: true });
    const mentor = await createMentor(t.siblingOrgId);
    const mentee = await createMentee(t.siblingOrgId);
    signInAs(t.users.curator);
    const unknown = { ...live, id: 2_000_000_000 };
    const attempts = {
      update: await updateProgrammeAction(editInput(live, { title: "чужая" })),
      updateUnknown: await updateProgrammeAction(editInput(unknown, { title: "чужая" })),
      archive: await archiveProgrammeAction({ id: live.id, updatedAt: live.updatedAt.toISOString() }),
      restore: await restoreProgrammeAction({ id: archived.id }),
      assign: await assignMentorshipsAction({
        programmeId: live.id,
        mentorId: mentor.id,
        menteeIds: [mentee.id],
        entryDate: "2024-10-01",
      }),
    };
    for (const [what, result] of Object.entries(attempts))
      expect(result, what).toEqual({
        ok: false,
        code: "not_found",
        formError: "Программа не найдена или недоступна.",
      });
    expect(await row(live.id)).toEqual(live);
    expect(await row(archived.id)).toEqual(archived);
    const db = await getDb();
    expect(await db.select().from(mentorships).where(eq(mentorships.programmeId, live.id))).toEqual([]);
    expect([...(await auditOf(live.id)), ...(await auditOf(archived.id))]).toEqual([]);
  });
});

describe("programme queries", () => {
  it("filters, searches, pages and counts distinct persons and active pairs", async () => {
    const own = await createTenant("prog-list");
    const p = await createProgramme(own.orgId, { title: "Школа молодого педагога" });
    await createProgramme(own.orgId, {
      title: "Другая",
      format: "pupil_pupil",
      roleModel: "равный – равному",
    });
    await createProgramme(own.orgId, { title: "Старая", archived: true });
    const mentor = await createMentor(own.orgId);
    const [a, b] = [await createMentee(own.orgId), await createMentee(own.orgId)];
    await createMentorship(p, mentor.id, a.id);
    await createMentorship(p, mentor.id, b.id, { endDate: "2024-12-31" });
    await createMentorship(p, mentor.id, a.id, { entryDate: "2025-01-10", archived: true });
    const scope = await scopeOrg(own.users.curator, own.orgId, "registers");

    const all = await listProgrammes(scope, parseProgrammeFilters({}));
    expect(all.rows.map((r) => r.title).sort()).toEqual(["Другая", "Школа молодого педагога"]);
    const found = await listProgrammes(
      scope,
      parseProgrammeFilters({ q: "молодого", format: "teacher_pupil" }),
    );
    expect(found.rows).toMatchObject([
      { title: "Школа молодого педагога", mentors: 1, mentees: 2, active: 1 },
    ]);
    expect((await listProgrammes(scope, parseProgrammeFilters({ status: "archived" }))).total).toBe(1);
    expect((await listProgrammes(scope, parseProgrammeFilters({ page: "2" }))).rows).toEqual([]);
    expect(await programmeCounts(scope, p.id)).toMatchObject({ pairs: 2, mentors: 1, mentees: 2, active: 1 });
    expect(await getProgramme(await scopeOrg(t.users.curator, t.orgId, "registers"), p.id)).toBeNull();
  });
});
