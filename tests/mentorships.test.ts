import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, mentorships } from "@/db/schema";
import { scopeOrg } from "@/lib/auth/scoped";
import {
  archiveMentorshipAction,
  assignMentorshipsAction,
  updateMentorshipAction,
} from "@/lib/registry/mentorships/actions";
import { assignCandidates, listProgrammeMentorships } from "@/lib/registry/mentorships/queries";
import { createTenant, type Tenant } from "./support/factories";
import {
  createAssignable,
  createMentee,
  createMentor,
  createMentorship,
  createPerson,
  createProgramme,
} from "./support/registry-factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("pairs");
});

function assign(programmeId: number, mentorId: number, menteeIds: number[], patch = {}) {
  return assignMentorshipsAction({
    programmeId,
    mentorId,
    menteeIds,
    entryDate: "2024-10-01",
    endDate: "",
    orderNumber: "45-о",
    orderDate: "2024-09-30",
    ...patch,
  });
}

async function pairsOf(programmeId: number) {
  const db = await getDb();
  return db.select().from(mentorships).where(eq(mentorships.programmeId, programmeId));
}

async function auditOf(ids: number[]) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "mentorship"), inArray(auditLog.entityId, ids.map(String))))
    .orderBy(auditLog.id);
}

describe("assignMentorshipsAction", () => {
  it("assigns a mentor to a group in one step and audits each pair by ids only", async () => {
    signInAs(t.users.curator);
    const { programme, mentor, mentee } = await createAssignable(t.orgId);
    const others = [
      await createMentee(t.orgId),
      await createMentee(t.orgId, { category: "college_student" }),
    ];
    const ids = [mentee.id, ...others.map((p) => p.id)];
    const result = await assign(programme.id, mentor.id, ids);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const pairs = await pairsOf(programme.id);
    expect(pairs.map((p) => p.menteeId).sort()).toEqual(ids.sort());
    expect(pairs[0]).toMatchObject({
      organisationId: t.orgId,
      mentorId: mentor.id,
      entryDate: "2024-10-01",
      orderNumber: "45-о",
      orderDate: "2024-09-30",
    });
    const records = await auditOf(pairs.map((p) => p.id));
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      action: "create",
      userId: t.users.curator.id,
      organisationId: t.orgId,
    });
    const logged = JSON.stringify(records.map((r) => r.changes));
    expect(logged).not.toContain(mentee.surname);
    expect(logged).not.toContain(String(mentee.birthYear));
  });

  it("writes no pair of the group when one mentee is not valid", async () => {
    signInAs(t.users.curator);
    const { programme, mentor, mentee } = await createAssignable(t.orgId);
    const noProfile = await createPerson(t.orgId, {
      surname: "Безанкетов",
      name: "Олег",
      patronymic: "Ильич",
      menteeProfile: false,
    });
    const result = await assign(programme.id, mentor.id, [mentee.id, noProfile.id]);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        menteeIds: ["Безанкетов О. И.: нет анкеты наставляемого — заполните её в реестре участников."],
      },
    });
    expect(await pairsOf(programme.id)).toEqual([]);
  });

  it("refuses a pair whose format does not fit the persons, with the reason", async () => {
    signInAs(t.users.curator);
    const programme = await createProgramme(t.orgId, {
      format: "pupil_pupil",
      roleModel: "равный – равному",
    });
    const pupilMentor = await createMentor(t.orgId, { category: "pupil" });
    const teacher = await createMentee(t.orgId, {
      category: "teacher",
      surname: "Учителева",
      name: "Анна",
      patronymic: "",
    });
    const result = await assign(programme.id, pupilMentor.id, [teacher.id]);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        menteeIds: [
          "Учителева А.: В форме «Ученик – ученик» наставляемым может быть: обучающийся школы; выбран — педагог.",
        ],
      },
    });
    const teacherMentor = await assign(programme.id, (await createMentor(t.orgId)).id, [
      (await createMentee(t.orgId)).id,
    ]);
    expect(teacherMentor).toMatchObject({
      ok: false,
      fieldErrors: { mentorId: [expect.stringMatching(/наставником может быть: обучающийся школы/)] },
    });
    expect(await pairsOf(programme.id)).toEqual([]);
  });

  it("refuses a mentor without a mentor profile, naming the person", async () => {
    signInAs(t.users.curator);
    const { programme, mentee } = await createAssignable(t.orgId);
    const bare = await createPerson(t.orgId, {
      category: "teacher",
      surname: "Иванов",
      name: "Иван",
      patronymic: "Иванович",
      menteeProfile: false,
    });
    const result = await assign(programme.id, bare.id, [mentee.id]);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { mentorId: ["Иванов И. И.: нет анкеты наставника — заполните её в реестре участников."] },
    });
  });

  it("returns every field's message for invalid input and writes nothing", async () => {
    signInAs(t.users.curator);
    const { programme, mentor } = await createAssignable(t.orgId);
    const self = await assign(programme.id, mentor.id, [mentor.id], {
      entryDate: "2024-13-01",
      orderDate: "вчера",
    });
    expect(self).toMatchObject({
      ok: false,
      fieldErrors: {
        menteeIds: ["Наставляемые: наставник не может быть наставляемым у самого себя."],
        entryDate: ["Дата вступления: введите дату в виде ДД.ММ.ГГГГ."],
        orderDate: [expect.stringMatching(/^Дата приказа/)],
      },
    });
    const empty = await assign(programme.id, 0, [], { endDate: "2024-09-01" });
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: {
        mentorId: ["Наставник: выберите участника из списка."],
        menteeIds: ["Наставляемые: выберите хотя бы одного участника."],
        endDate: ["Дата окончания: не может быть раньше даты вступления."],
      },
    });
    const early = await assign(programme.id, mentor.id, [(await createMentee(t.orgId)).id], {
      entryDate: "2024-08-01",
    });
    expect(early).toMatchObject({
      ok: false,
      fieldErrors: { entryDate: [expect.stringMatching(/не раньше начала программы \(01\.09\.2024\)/)] },
    });
    expect(await pairsOf(programme.id)).toEqual([]);
  });

  it("refuses an archived person and a duplicate pair with a clear message", async () => {
    signInAs(t.users.curator);
    const { programme, mentor, mentee } = await createAssignable(t.orgId);
    const gone = await createMentee(t.orgId, { archived: true });
    expect(await assign(programme.id, mentor.id, [gone.id])).toMatchObject({
      ok: false,
      fieldErrors: { menteeIds: [expect.stringMatching(/не найден в реестре организации/)] },
    });
    expect((await assign(programme.id, mentor.id, [mentee.id])).ok).toBe(true);
    const again = await assign(programme.id, mentor.id, [mentee.id]);
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: {
        menteeIds: [expect.stringMatching(/датой вступления 01\.10\.2024 уже есть в программе/)],
      },
    });
    expect(await pairsOf(programme.id)).toHaveLength(1);
  });

  it("keeps a curator out of another organisation and refuses a coordinator", async () => {
    const { programme, mentor, mentee } = await createAssignable(t.siblingOrgId);
    signInAs(t.users.curator);
    expect(await assign(programme.id, mentor.id, [mentee.id])).toMatchObject({
      ok: false,
      code: "not_found",
      formError: "Программа не найдена или недоступна.",
    });
    // Persons of another organisation are not offered into one's own programme either.
    const own = await createProgramme(t.orgId);
    expect(await assign(own.id, mentor.id, [mentee.id])).toMatchObject({
      ok: false,
      fieldErrors: {
        mentorId: [expect.stringMatching(/не найден/)],
        menteeIds: [expect.stringMatching(/не найден/)],
      },
    });
    signInAs(t.users.coordinator);
    expect(await assign(programme.id, mentor.id, [mentee.id])).toMatchObject({
      ok: false,
      formError: "Недостаточно прав для этого действия.",
    });
    expect(await pairsOf(programme.id)).toEqual([]);
    expect(await pairsOf(own.id)).toEqual([]);
  });
});

describe("updateMentorshipAction and archiveMentorshipAction", () => {
  async function pair() {
    const { programme, mentor, mentee } = await createAssignable(t.orgId);
    return createMentorship(programme, mentor.id, mentee.id, { entryDate: "2024-10-01" });
  }
  function edit(m: Awaited<ReturnType<typeof pair>>, patch = {}) {
    return {
      id: m.id,
      updatedAt: m.updatedAt.toISOString(),
      endDate: "2025-05-25",
      result: "Перешёл на «хорошо» по математике",
      mentorReviewUrl: "https://school1.example.ru/otzyv-nastavnika",
      menteeReviewUrl: "",
      completed: true,
      orderNumber: "12-о",
      orderDate: "2024-10-01",
      ...patch,
    };
  }

  it("saves the result and completion, auditing without the free text", async () => {
    signInAs(t.users.curator);
    const m = await pair();
    const result = await updateMentorshipAction(edit(m));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const [saved] = await (await getDb()).select().from(mentorships).where(eq(mentorships.id, m.id));
    expect(saved).toMatchObject({ endDate: "2025-05-25", completed: true, orderNumber: "12-о" });
    const [record] = await auditOf([m.id]);
    expect(record).toMatchObject({ action: "update", userId: t.users.curator.id });
    expect(record.changes).toMatchObject({ completed: [false, true], result: "(изменено)" });
  });

  it("refuses bad links, a completion without an end date, and an end before the entry", async () => {
    signInAs(t.users.curator);
    const m = await pair();
    const bad = await updateMentorshipAction(
      edit(m, { mentorReviewUrl: "javascript:alert(1)", menteeReviewUrl: "отзыв", endDate: "" }),
    );
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        mentorReviewUrl: [expect.stringMatching(/^Ссылка на кейс или отзыв наставника: введите адрес/)],
        menteeReviewUrl: [expect.stringMatching(/^Ссылка на отзыв наставляемого/)],
        endDate: [expect.stringMatching(/отметить наставничество завершённым/)],
      },
    });
    const early = await updateMentorshipAction(edit(m, { endDate: "2024-09-01" }));
    expect(early).toMatchObject({
      ok: false,
      fieldErrors: { endDate: [expect.stringMatching(/01\.10\.2024/)] },
    });
    expect(await auditOf([m.id])).toEqual([]);
  });

  it("refuses a save over a newer version", async () => {
    signInAs(t.users.curator);
    const m = await pair();
    expect((await updateMentorshipAction(edit(m, { result: "первая" }))).ok).toBe(true);
    const second = await updateMentorshipAction(edit(m, { result: "вторая" }));
    expect(second).toMatchObject({ ok: false, formError: expect.stringMatching(/уже изменили/) });
  });

  it("archives a pair; another organisation's curator and a coordinator cannot", async () => {
    const m = await pair();
    const input = { id: m.id, updatedAt: m.updatedAt.toISOString() };
    for (const user of [t.users.siblingCurator, t.users.coordinator]) {
      signInAs(user);
      expect((await archiveMentorshipAction(input)).ok).toBe(false);
      expect((await updateMentorshipAction(edit(m))).ok).toBe(false);
    }
    signInAs(t.users.admin);
    expect((await archiveMentorshipAction(input)).ok).toBe(true);
    expect(await auditOf([m.id])).toMatchObject([
      {
        action: "archive",
        userId: t.users.admin.id,
        changes: { archived: [false, true], programmeId: m.programmeId },
      },
    ]);
    expect(
      await listProgrammeMentorships(await scopeOrg(t.users.curator, t.orgId, "registers"), m.programmeId),
    ).toEqual([]);
  });
});

describe("assignCandidates", () => {
  it("offers only persons of the organisation that fit the format and have the profile", async () => {
    const own = await createTenant("pairs-cand");
    const teacher = await createMentor(own.orgId);
    await createMentor(own.orgId, { category: "pupil" });
    await createPerson(own.orgId, { category: "teacher", menteeProfile: false });
    const pupil = await createMentee(own.orgId);
    await createMentee(own.orgId, { archived: true });
    await createMentee(own.orgId, { category: "teacher" });
    await createMentee(t.orgId);
    const { mentors, mentees } = await assignCandidates(
      await scopeOrg(own.users.curator, own.orgId, "registers"),
      "teacher_pupil",
    );
    expect(mentors.map((p) => p.id)).toEqual([teacher.id]);
    expect(mentees.map((p) => p.id)).toEqual([pupil.id]);
  });

  it("gives each mentor's competencies and the pairs they lead today, in every programme", async () => {
    const own = await createTenant("pairs-load");
    const busy = await createMentor(own.orgId);
    const free = await createMentor(own.orgId);
    const [a, b, c] = [
      await createMentee(own.orgId),
      await createMentee(own.orgId),
      await createMentee(own.orgId),
    ];
    const first = await createProgramme(own.orgId, { format: "teacher_pupil" });
    const second = await createProgramme(own.orgId, { format: "teacher_pupil" });
    signInAs(own.users.curator);
    expect((await assign(first.id, busy.id, [a.id, b.id])).ok).toBe(true);
    expect((await assign(second.id, busy.id, [c.id])).ok).toBe(true);
    // A pair that has ended does not count.
    expect((await assign(second.id, free.id, [a.id], { endDate: "2024-12-31" })).ok).toBe(true);
    const { mentors } = await assignCandidates(
      await scopeOrg(own.users.curator, own.orgId, "registers"),
      "teacher_pupil",
    );
    const load = Object.fromEntries(mentors.map((m) => [m.id, m.load]));
    expect(load).toEqual({ [busy.id]: 3, [free.id]: 0 });
    expect(mentors.every((m) => typeof m.competencies === "string")).toBe(true);
  });
});
