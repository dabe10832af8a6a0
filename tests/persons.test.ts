import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, menteeProfiles, mentorProfiles, mentorships, persons, programmes } from "@/db/schema";
import { scopeOrg } from "@/lib/auth/scoped";
import { orgTag } from "@/lib/public/cache";
import { archivePersonAction, createPersonAction, updatePersonAction } from "@/lib/registry/persons/actions";
import { createPerson } from "@/lib/registry/persons/mutations";
import { listPersons, personFilterSchema } from "@/lib/registry/persons/queries";
import { zodResolver } from "@hookform/resolvers/zod";
import { personSchema } from "@/lib/registry/persons/schemas";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
const cache = vi.hoisted(() => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
vi.mock("next/cache", () => cache);
vi.mock("@/lib/cache", async (original) =>
  (await import("./support/cache-spy")).recordInvalidations(original, cache.revalidateTag),
);
/** Whether the organisation's public page was dropped from the cache since the last `mockClear`. */
const republished = (orgId: number) => cache.revalidateTag.mock.calls.some(([tag]) => tag === orgTag(orgId));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("persons");
});

const year = new Date().getFullYear();
const minorMentee = (patch: Record<string, unknown> = {}) => ({
  organisationId: t.orgId,
  surname: "Соколова",
  name: "Мария",
  patronymic: "Андреевна",
  birthYear: String(year - 12),
  category: "pupil",
  grade: "6А",
  isMentee: true,
  mentee: {
    request: "Подтянуть математику",
    needCategory: "низкие образовательные результаты",
    consentDate: "2024-09-02",
  },
  ...patch,
});
const adultMentor = (patch: Record<string, unknown> = {}) => ({
  organisationId: t.orgId,
  surname: "Орлов",
  name: "Виктор",
  patronymic: "Павлович",
  birthYear: "1975",
  category: "teacher",
  teachingSince: "1998",
  isMentor: true,
  mentor: { competencies: "методика", consentDate: "2024-08-30", publishName: true },
  ...patch,
});

async function countPersons() {
  const db = await getDb();
  return (await db.select().from(persons).where(eq(persons.organisationId, t.orgId))).length;
}

describe("persons: create", () => {
  it("adds a minor mentee with the representative's consent, and audits without the name", async () => {
    signInAs(t.users.curator);
    const result = await createPersonAction(minorMentee());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const db = await getDb();
    const [profile] = await db
      .select()
      .from(menteeProfiles)
      .where(eq(menteeProfiles.personId, result.data.id));
    expect(profile.consentDate).toBe("2024-09-02");
    const [record] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "person"), eq(auditLog.entityId, String(result.data.id))));
    expect(JSON.stringify(record.changes)).not.toContain("Соколова");
  });

  it("refuses a minor mentee without the representative's consent, and writes nothing", async () => {
    signInAs(t.users.curator);
    const before = await countPersons();
    const result = await createPersonAction(minorMentee({ mentee: { consentDate: "" } }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { "mentee.consentDate": [expect.stringMatching(/законного представителя/)] },
    });
    expect(await countPersons()).toBe(before);
  });

  it("asks the consent that follows the role and the age: a representative's below 18, the person's own from 18", async () => {
    signInAs(t.users.curator);
    const minorMentor = await createPersonAction(
      minorMentee({ isMentee: false, isMentor: true, mentor: { consentDate: "" } }),
    );
    expect(minorMentor).toMatchObject({
      ok: false,
      fieldErrors: { "mentor.consentDate": [expect.stringMatching(/законного представителя наставника/)] },
    });
    const adultMentee = await createPersonAction(
      adultMentor({ isMentor: false, isMentee: true, mentee: { consentDate: "" } }),
    );
    expect(adultMentee).toMatchObject({
      ok: false,
      fieldErrors: { "mentee.consentDate": [expect.stringMatching(/согласия наставляемого/)] },
    });
  });

  it("refuses a mentor without consent and a minor mentor who would publish the name", async () => {
    signInAs(t.users.curator);
    expect(await createPersonAction(adultMentor({ mentor: { consentDate: "" } }))).toMatchObject({
      ok: false,
      fieldErrors: { "mentor.consentDate": [expect.stringMatching(/согласия наставника/)] },
    });
    const minorMentor = minorMentee({
      isMentee: false,
      isMentor: true,
      mentor: { consentDate: "2024-01-01", publishName: true },
    });
    expect(await createPersonAction(minorMentor)).toMatchObject({
      ok: false,
      fieldErrors: { "mentor.publishName": [expect.any(String)] },
    });
  });

  it("names every bad field at once", async () => {
    signInAs(t.users.curator);
    const result = await createPersonAction({
      organisationId: t.orgId,
      surname: "",
      name: "",
      category: "алиен",
      birthYear: "две тысячи",
      email: "x",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["surname", "name", "category", "birthYear", "email"]),
    );
  });

  it("checks addresses, years and capacity with the form's own Russian messages", () => {
    const errors = (patch: Record<string, unknown>) => {
      const parsed = personSchema.safeParse(adultMentor(patch));
      return parsed.success
        ? {}
        : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    // Spaces around an address are dropped; spaces alone leave the field empty.
    expect(personSchema.parse(adultMentor({ email: "  orlov@mail.ru " })).email).toBe("orlov@mail.ru");
    expect(personSchema.parse(adultMentor({ email: "   " })).email).toBe("");
    expect(errors({ email: "orlov@" })).toEqual({ email: "Электронная почта: введите адрес полностью." });
    expect(errors({ birthYear: "1975.5" })).toEqual({
      birthYear: "Год рождения: введите год числом, например 2011.",
    });
    expect(errors({ birthYear: "1930" })).toEqual({});
    expect(errors({ birthYear: "1929" })).toEqual({ birthYear: "Год рождения: не раньше 1930 года." });
    expect(errors({ mentor: { consentDate: 20240830 } })).toEqual({
      "mentor.consentDate": "Дата согласия наставника: укажите дату в формате ДД.ММ.ГГГГ.",
    });
    expect(errors({ birthYear: String(year + 1) }).birthYear).toBe("Год рождения: год ещё не наступил.");
    expect(errors({ mentor: { consentDate: "2024-08-30", capacity: "31" } })).toEqual({
      "mentor.capacity": "Сколько наставляемых одновременно: целое число от 1 до 30.",
    });
    expect(
      personSchema.parse(adultMentor({ mentor: { consentDate: "2024-08-30", capacity: " " } })).mentor
        .capacity,
    ).toBe(null);
    expect(
      errors({
        isMentee: true,
        mentee: { consentDate: "2024-08-30", representativeEmail: `${"a".repeat(200)}@mail.ru` },
      }),
    ).toEqual({ "mentee.representativeEmail": "Контакт законного представителя: не длиннее 200 символов." });
  });

  it("shows the field's own message in the browser too, where the form's resolver reads a union's options", async () => {
    // @hookform/resolvers shows the first message of the union option closest to the value, not the union's own.
    const resolve = zodResolver(personSchema as never) as unknown as (
      ...args: unknown[]
    ) => Promise<{ errors: unknown }>;
    const result = await resolve(
      adultMentor({ birthYear: "1975.5", mentor: { consentDate: 20240830 } }),
      undefined,
      {
        fields: {},
        shouldUseNativeValidation: false,
      } as never,
    );
    const errors = result.errors as Record<
      string,
      { message?: string } & Record<string, { message?: string }>
    >;
    expect(errors.birthYear?.message).toBe("Год рождения: введите год числом, например 2011.");
    expect(errors.mentor?.consentDate?.message).toBe(
      "Дата согласия наставника: укажите дату в формате ДД.ММ.ГГГГ.",
    );
  });

  it("keeps one person as a mentor and a mentee at once", async () => {
    signInAs(t.users.curator);
    const result = await createPersonAction(
      adultMentor({
        isMentee: true,
        mentee: { needCategory: "цифровые компетенции", consentDate: "2024-08-30" },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const db = await getDb();
    expect(
      await db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, result.data.id)),
    ).toHaveLength(1);
    expect(
      await db.select().from(menteeProfiles).where(eq(menteeProfiles.personId, result.data.id)),
    ).toHaveLength(1);
  });
});

describe("persons: scope", () => {
  it("refuses a curator writing into another organisation and a coordinator writing at all", async () => {
    const before = await countPersons();
    signInAs(t.users.curator);
    expect(await createPersonAction(minorMentee({ organisationId: t.siblingOrgId }))).toMatchObject({
      ok: false,
      formError: "Организация не найдена или недоступна.",
    });
    signInAs(t.users.coordinator);
    expect(await createPersonAction(minorMentee())).toMatchObject({
      ok: false,
      formError: "Недостаточно прав для этого действия.",
    });
    expect(await countPersons()).toBe(before);
  });
});

describe("persons: edit and archive", () => {
  it("saves an edit, then refuses a save over the newer version", async () => {
    signInAs(t.users.curator);
    const created = await createPersonAction(minorMentee({ surname: "Лебедев", name: "Иван" }));
    if (!created.ok) throw new Error("setup");
    const db = await getDb();
    const [p] = await db.select().from(persons).where(eq(persons.id, created.data.id));
    const base = {
      ...minorMentee({ surname: "Лебедев", name: "Иван" }),
      id: p.id,
      updatedAt: p.updatedAt.toISOString(),
    };
    expect((await updatePersonAction({ ...base, grade: "7А" })).ok).toBe(true);
    expect(await updatePersonAction({ ...base, grade: "7Б" })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/уже изменили/),
    });
    const [after] = await db.select().from(persons).where(eq(persons.id, p.id));
    expect(after.grade).toBe("7А");
  });

  it("does not drop the mentee questionnaire of someone who is in a pair", async () => {
    signInAs(t.users.curator);
    const mentor = await createPersonAction(adultMentor({ surname: "Громов" }));
    const mentee = await createPersonAction(minorMentee({ surname: "Зайцев", name: "Артём" }));
    if (!mentor.ok || !mentee.ok) throw new Error("setup");
    const db = await getDb();
    const [prog] = await db
      .insert(programmes)
      .values({ organisationId: t.orgId, title: "Тест", format: "teacher_pupil", startDate: "2024-09-01" })
      .returning();
    await db.insert(mentorships).values({
      programmeId: prog.id,
      organisationId: t.orgId,
      mentorId: mentor.data.id,
      menteeId: mentee.data.id,
      entryDate: "2024-09-01",
    });
    const [p] = await db.select().from(persons).where(eq(persons.id, mentee.data.id));
    const result = await updatePersonAction({
      ...minorMentee({ surname: "Зайцев", name: "Артём" }),
      id: p.id,
      updatedAt: p.updatedAt.toISOString(),
      isMentee: false,
    });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/состоит в парах/) });
    expect(await db.select().from(menteeProfiles).where(eq(menteeProfiles.personId, p.id))).toHaveLength(1);
  });

  it("archives and restores, hiding archived entries from the list", async () => {
    signInAs(t.users.curator);
    const created = await createPersonAction(minorMentee({ surname: "Архипова" }));
    if (!created.ok) throw new Error("setup");
    expect((await archivePersonAction({ id: created.data.id, archived: true })).ok).toBe(true);
    const org = await scopeOrg(t.users.curator, t.orgId, "registers");
    const current = await listPersons(org, personFilterSchema.parse({ q: "Архипова" }));
    const archived = await listPersons(org, personFilterSchema.parse({ q: "Архипова", status: "archived" }));
    expect(current.total).toBe(0);
    expect(archived.total).toBe(1);
    expect((await archivePersonAction({ id: created.data.id, archived: false })).ok).toBe(true);
    signInAs(t.users.siblingCurator);
    expect((await archivePersonAction({ id: created.data.id, archived: true })).ok).toBe(false);
  });
});

describe("persons: the list", () => {
  it("searches by any part of the name, filters by role and category, and pages", async () => {
    const org = await scopeOrg(t.users.curator, t.orgId, "registers");
    const hits = await listPersons(org, personFilterSchema.parse({ q: "орлов викт" }));
    expect(hits.rows.every((r) => r.surname === "Орлов")).toBe(true);
    expect(hits.total).toBeGreaterThan(0);
    const mentors = await listPersons(org, personFilterSchema.parse({ role: "mentor" }));
    expect(mentors.rows.every((r) => r.isMentor)).toBe(true);
    const pupils = await listPersons(org, personFilterSchema.parse({ category: "pupil" }));
    expect(pupils.rows.every((r) => r.category === "pupil")).toBe(true);
    const garbage = personFilterSchema.parse({ page: "-5", sort: "drop table", category: "x" });
    expect(garbage).toMatchObject({ page: 1, sort: "name", category: undefined });
    const sibling = await scopeOrg(t.users.siblingCurator, t.siblingOrgId, "registers");
    const other = await listPersons(sibling, personFilterSchema.parse({ q: "Орлов" }));
    expect(other.total).toBe(0);
  });
});

describe("persons: the audit keeps consent changes", () => {
  it("records a mentor's consent to publication and never quotes a request", async () => {
    signInAs(t.users.curator);
    const created = await createPersonAction(
      adultMentor({ surname: "Согласова", mentor: { consentDate: "2024-08-30", publishName: false } }),
    );
    if (!created.ok) throw new Error("setup");
    const db = await getDb();
    const [p] = await db.select().from(persons).where(eq(persons.id, created.data.id));
    cache.revalidateTag.mockClear();
    const result = await updatePersonAction({
      ...adultMentor({ surname: "Согласова", mentor: { consentDate: "2024-08-30", publishName: true } }),
      isMentee: true,
      mentee: { request: "Личный запрос учителя", consentDate: "2024-08-30" },
      id: p.id,
      updatedAt: p.updatedAt.toISOString(),
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    // The mentor's name appears on the public page at once.
    expect(republished(t.orgId)).toBe(true);
    const records = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, "person"),
          eq(auditLog.entityId, String(p.id)),
          eq(auditLog.action, "update"),
        ),
      )
      .orderBy(auditLog.id);
    expect(records[0].changes).toMatchObject({
      "mentor.publishName": [false, true],
      "mentee.request": "(изменено)",
    });
    expect(JSON.stringify(records[0].changes)).not.toContain("Личный запрос");
  });
});

describe("registers: the scope is in the types", () => {
  it("takes a scope resolved for the user, never a bare id, and a read scope never writes", async () => {
    // tsc checks these lines (tests are part of the project): each call below must not compile.
    const bareId = () =>
      // @ts-expect-error a register query takes the organisation resolved by scopeOrg, not a number
      listPersons(t.orgId, personFilterSchema.parse({}));
    const readScope = await scopeOrg(t.users.coordinator, t.orgId, "registers");
    const readOnlyWrite = () =>
      // @ts-expect-error what a coordinator may read (RegisterOrg) is not an organisation to write in
      createPerson(t.users.coordinator, readScope, personSchema.parse(adultMentor()));
    expect([bareId, readOnlyWrite].every((f) => typeof f === "function")).toBe(true);
    expect(readScope.id).toBe(t.orgId);
  });
});
