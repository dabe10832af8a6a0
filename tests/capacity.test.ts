/**
 * A mentor's capacity (mentees at once): kept on the mentor's card, enforced when pairs are assigned (refused
 * in Russian, or assigned beyond it with an audited reason), and used by the suggestions of the assign form.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { toMenteeOptions, toMentorOptions } from "@/components/registry/mentorships/candidates";
import { getDb } from "@/db";
import { auditLog, menteeProfiles, mentorProfiles, mentorships } from "@/db/schema";
import { scopeOrg } from "@/lib/auth/scoped";
import { assignMentorshipsAction } from "@/lib/registry/mentorships/actions";
import { assignCandidates } from "@/lib/registry/mentorships/queries";
import { suggestMentors } from "@/lib/registry/mentorships/suggest";
import { createPersonAction } from "@/lib/registry/persons/actions";
import { createTenant, type Tenant } from "./support/factories";
import { createMentee, createMentor, createMentorship, createProgramme } from "./support/registry-factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("capacity");
});

async function setProfile(personId: number, values: Partial<typeof mentorProfiles.$inferInsert>) {
  const db = await getDb();
  await db.update(mentorProfiles).set(values).where(eq(mentorProfiles.personId, personId));
}

function assign(programmeId: number, mentorId: number, menteeIds: number[], patch = {}) {
  return assignMentorshipsAction({
    programmeId,
    mentorId,
    menteeIds,
    entryDate: "2024-10-01",
    endDate: "",
    orderNumber: "",
    orderDate: "",
    ...patch,
  });
}

async function pairsOfMentor(mentorId: number) {
  const db = await getDb();
  return db.select().from(mentorships).where(eq(mentorships.mentorId, mentorId));
}

/** A mentor with `capacity` places, one of them taken by an active pair (plus an ended and an archived one). */
async function mentorWithOnePair(capacity: number | null) {
  const programme = await createProgramme(t.orgId);
  const mentor = await createMentor(t.orgId);
  await setProfile(mentor.id, { capacity });
  const [a, b, c] = [await createMentee(t.orgId), await createMentee(t.orgId), await createMentee(t.orgId)];
  await createMentorship(programme, mentor.id, a.id);
  await createMentorship(programme, mentor.id, b.id, { endDate: "2024-12-31" });
  await createMentorship(programme, mentor.id, c.id, { entryDate: "2024-09-20", archived: true });
  return { programme, mentor };
}

describe("assigning beyond the mentor's capacity", () => {
  it("is refused with a Russian message naming the places; nothing is written", async () => {
    signInAs(t.users.curator);
    const { programme, mentor } = await mentorWithOnePair(2);
    const [x, y] = [await createMentee(t.orgId), await createMentee(t.orgId)];
    const result = await assign(programme.id, mentor.id, [x.id, y.id]);
    expect(result).toMatchObject({
      ok: false,
      formError: "Наставничество не назначено: у наставника нет свободных мест.",
      fieldErrors: { mentorId: [expect.stringContaining("свободно 1 из 2, а выбрано 2")] },
    });
    expect(await pairsOfMentor(mentor.id)).toHaveLength(3);
    // The ended and the archived pair take no place: one more fits.
    expect((await assign(programme.id, mentor.id, [x.id])).ok).toBe(true);
    const full = await assign(programme.id, mentor.id, [y.id]);
    expect(full.ok ? null : full.fieldErrors?.mentorId?.[0]).toMatch(
      /^Наставник: мест нет \(занято 2 из 2\)/,
    );
  });

  it("asks for a reason of at least ten characters to override", async () => {
    signInAs(t.users.curator);
    const { programme, mentor } = await mentorWithOnePair(1);
    const x = await createMentee(t.orgId);
    for (const reason of ["", "   надо   "]) {
      const result = await assign(programme.id, mentor.id, [x.id], {
        overCapacity: true,
        overCapacityReason: reason,
      });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { overCapacityReason: [expect.stringContaining("не короче 10 символов")] },
      });
    }
    expect(await pairsOfMentor(mentor.id)).toHaveLength(3);
  });

  it("assigns with an explicit override and audits the reason with the numbers", async () => {
    signInAs(t.users.curator);
    const { programme, mentor } = await mentorWithOnePair(1);
    const x = await createMentee(t.orgId);
    const reason = "Наставник заменяет коллегу на время отпуска";
    const result = await assign(programme.id, mentor.id, [x.id], {
      overCapacity: "on",
      overCapacityReason: reason,
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const db = await getDb();
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "over_capacity"), eq(auditLog.entityId, String(mentor.id))));
    expect(entry).toMatchObject({ entity: "person", userId: t.users.curator.id, organisationId: t.orgId });
    expect(entry.changes).toMatchObject({
      capacity: 1,
      load: 1,
      added: 1,
      reason,
      programmeId: programme.id,
    });
  });

  it("does not limit a mentor whose capacity is not set", async () => {
    signInAs(t.users.curator);
    const { programme, mentor } = await mentorWithOnePair(null);
    const more = [await createMentee(t.orgId), await createMentee(t.orgId), await createMentee(t.orgId)];
    expect(
      (
        await assign(
          programme.id,
          mentor.id,
          more.map((m) => m.id),
        )
      ).ok,
    ).toBe(true);
  });
});

describe("the capacity on the mentor's card", () => {
  const mentorCard = (capacity: unknown) => ({
    organisationId: t.orgId,
    surname: "Вместимова",
    name: "Анна",
    patronymic: "Ильинична",
    birthYear: "1980",
    category: "teacher",
    isMentor: true,
    mentor: { competencies: "математика", consentDate: "2024-08-30", capacity },
  });

  it("is saved from the form, empty as not set", async () => {
    signInAs(t.users.curator);
    const db = await getDb();
    for (const [sent, kept] of [
      ["4", 4],
      ["", null],
    ] as const) {
      const result = await createPersonAction(mentorCard(sent));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) continue;
      const [p] = await db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, result.data.id));
      expect(p.capacity).toBe(kept);
    }
  });

  it("refuses what is not a whole number from 1 to 30, in Russian", async () => {
    signInAs(t.users.curator);
    for (const bad of ["0", "31", "2.5", "три", -1, true]) {
      const result = await createPersonAction(mentorCard(bad));
      expect(result, String(bad)).toMatchObject({
        ok: false,
        fieldErrors: {
          "mentor.capacity": ["Сколько наставляемых одновременно: целое число от 1 до 30."],
        },
      });
    }
  });
});

describe("suggestions from the register", () => {
  it("rank the organisation's mentors for a mentee: request, age, places", async () => {
    const own = await createTenant("capacity-suggest");
    const programme = await createProgramme(own.orgId, { format: "teacher_pupil" });
    const make = async (surname: string, profile: Partial<typeof mentorProfiles.$inferInsert>) => {
      const m = await createMentor(own.orgId, { surname });
      await setProfile(m.id, profile);
      return m;
    };
    // Alphabetical order is the reverse of the expected ranking.
    const full = await make("Авдеева", {
      competencies: "математика, подготовка к олимпиадам",
      preferredMenteeAge: "5–7 классы",
      capacity: 1,
    });
    const theatre = await make("Борисова", { competencies: "театр", preferredMenteeAge: "5–7 классы" });
    const olderAge = await make("Васильева", {
      competencies: "математика",
      preferredMenteeAge: "10–11 классы",
      capacity: 3,
    });
    const best = await make("Григорьева", {
      competencies: "математика, олимпиады",
      interests: "шахматы",
      preferredMenteeAge: "5–7 классы",
      capacity: 3,
    });
    const mentee = await createMentee(own.orgId, { grade: "6А", birthYear: 2014 });
    const db = await getDb();
    await db
      .update(menteeProfiles)
      .set({ request: "Подготовиться к олимпиаде по математике", needCategory: "одарённый обучающийся" })
      .where(eq(menteeProfiles.personId, mentee.id));
    await createMentorship(programme, full.id, (await createMentee(own.orgId)).id);
    await createMentorship(programme, best.id, (await createMentee(own.orgId)).id);

    const { mentors, mentees } = await assignCandidates(
      await scopeOrg(own.users.curator, own.orgId, "registers"),
      "teacher_pupil",
    );
    const options = toMentorOptions(mentors, ["teacher"]);
    const chosen = toMenteeOptions(mentees, ["pupil"]).find((m) => m.id === mentee.id)!;
    const ranked = suggestMentors(
      options.map((o) => o.profile),
      [chosen.profile!],
      2026,
    );
    expect(ranked.map((s) => s.id)).toEqual([best.id, olderAge.id, theatre.id, full.id]);
    expect(ranked[0].reasons).toEqual([
      "совпадает запрос: математика, олимпиады",
      "подходит по возрасту: 6 класс",
      "свободно 2 из 3 мест",
    ]);
    expect(ranked[3]).toMatchObject({ full: true, warnings: ["мест нет: занято 1 из 1"] });
  });
});
