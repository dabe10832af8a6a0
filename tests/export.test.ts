import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, menteeProfiles, mentorProfiles, mentorships, persons, programmes } from "@/db/schema";
import type * as AuditModule from "@/lib/audit";
import { ownPerson } from "@/lib/registry/export/queries";
import { createTenant, type Tenant } from "./support/factories";
import {
  CONSENT,
  csvFile,
  getExport,
  MENTEE_HEADER,
  MENTOR_HEADER,
  postImport,
  readBack,
  xdate,
  xlsxFile,
} from "./support/register-files";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));
const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/audit", async (importOriginal) => {
  const original = await importOriginal<typeof AuditModule>();
  return {
    ...original,
    audit: async (...args: Parameters<typeof original.audit>) => {
      if (failAudit.on) throw new Error("audit store unavailable");
      return original.audit(...args);
    },
  };
});

const year = new Date().getFullYear();
const TEACHER = "Смирнова Ольга Ивановна";
/** Text a spreadsheet would run as a formula if a file handed it out as it is. */
const FORMULA = '=HYPERLINK("http://evil.example","Грамота")';

/** A register with every kind of row: profiles, groups, two pairs of one mentee, a mentee and a mentor alone. */
async function fillRegister(t: Tenant) {
  signInAs(t.users.curator);
  const mentors = csvFile([
    [...MENTOR_HEADER, CONSENT],
    [
      "1",
      TEACHER,
      "МБОУ СОШ № 1",
      "Математика",
      "Учитель года",
      "Шахматы",
      "12–15 лет",
      "2 часа в неделю",
      "01.09.2023",
      "Иванова Анна Сергеевна; Кузнецов Илья Андреевич",
      "Педагог – ученик",
      "",
      "31.05.2024",
      "Успеваемость выросла",
      "https://s1.ru/m1",
      "15.08.2023",
    ],
    [
      "2",
      TEACHER,
      "МБОУ СОШ № 1",
      "",
      "",
      "",
      "",
      "",
      "01.02.2024",
      "Иванова Анна Сергеевна",
      "Педагог – ученик",
      "",
      "",
      "",
      "",
    ],
    [
      "3",
      "Орлов Денис Сергеевич",
      "ООО «Техно»",
      "Программирование",
      "",
      "",
      "",
      "",
      "01.10.2023",
      "Белов Кирилл Олегович",
      "Работодатель – ученик",
      "Школа № 1",
      "",
      "",
      "",
    ],
    [
      "4",
      "Белова Нина Петровна",
      "МБОУ СОШ № 1",
      "Русский язык",
      FORMULA,
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ],
    [
      "5",
      "Белова Нина Петровна",
      "",
      "",
      "",
      "",
      "",
      "",
      "01.09.2024",
      "Павлов Олег Игоревич",
      "Учитель – учитель",
      "",
      "",
      "",
      "",
    ],
  ]);
  const mentees = await xlsxFile([
    ["База наставляемых"],
    [...MENTEE_HEADER, CONSENT],
    [
      1,
      "Иванова Анна Сергеевна",
      year - 14,
      "Алгебра",
      xdate(1, 9, 2023),
      TEACHER,
      "Педагог – ученик",
      "МБОУ СОШ № 1",
      xdate(31, 5, 2024),
      "Успеваемость выросла",
      "https://s1.ru/a",
      "да",
      xdate(20, 8, 2023),
    ],
    [
      2,
      "Кузнецов Илья Андреевич",
      year - 13,
      "",
      "01.09.2023",
      TEACHER,
      "Педагог – ученик",
      "",
      "31.05.2024",
      "",
      "",
      "нет",
      "21.08.2023",
    ],
    [
      3,
      "Морозова Дарья Павловна",
      year - 12,
      "Пока без пары",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "22.08.2023",
    ],
    // Named in the mentors file only, where no consent column speaks for him: the mentees file gives it.
    [
      4,
      "Белов Кирилл Олегович",
      year - 15,
      "",
      "01.10.2023",
      "Орлов Денис Сергеевич",
      "Работодатель – ученик",
      "",
      null,
      "",
      "",
      "",
      "23.08.2023",
    ],
    [
      5,
      "Павлов Олег Игоревич",
      1999,
      "Адаптация",
      "01.09.2024",
      "Белова Нина Петровна",
      "Учитель – учитель",
      "",
      null,
      "",
      "",
      "",
    ],
  ]);
  for (const [kind, bytes] of [
    ["mentors", mentors],
    ["mentees", mentees],
  ] as const) {
    // The mentors' mentees and the programmes are new: the curator confirms them.
    const res = await postImport({ bytes, kind, step: "commit", confirmNew: true });
    expect(res.last, JSON.stringify(res.last)).toMatchObject({ type: "done" });
  }
}

/** The register of an organisation without ids: what a curator would compare by eye. */
async function snapshot(orgId: number) {
  const db = await getDb();
  const people = await db
    .select({ p: persons, mentor: mentorProfiles, mentee: menteeProfiles })
    .from(persons)
    .leftJoin(mentorProfiles, eq(mentorProfiles.personId, persons.id))
    .leftJoin(menteeProfiles, eq(menteeProfiles.personId, persons.id))
    .where(eq(persons.organisationId, orgId));
  const name = new Map(people.map(({ p }) => [p.id, `${p.surname} ${p.name} ${p.patronymic}`]));
  const pairs = await db
    .select({ m: mentorships, format: programmes.format })
    .from(mentorships)
    .innerJoin(programmes, eq(programmes.id, mentorships.programmeId))
    .where(eq(mentorships.organisationId, orgId));
  return {
    persons: people
      .map(({ p, mentor, mentee }) => ({
        name: name.get(p.id),
        birthYear: p.birthYear,
        category: p.category,
        workplace: p.workplace,
        mentor: mentor && { ...mentor, personId: 0, updatedAt: null },
        mentee: mentee && { ...mentee, personId: 0, updatedAt: null },
      }))
      .sort((a, b) => a.name!.localeCompare(b.name!)),
    pairs: pairs
      .map(({ m, format }) => ({
        format,
        mentor: name.get(m.mentorId),
        mentee: name.get(m.menteeId),
        entryDate: m.entryDate,
        endDate: m.endDate,
        result: m.result,
        mentorReviewUrl: m.mentorReviewUrl,
        menteeReviewUrl: m.menteeReviewUrl,
        completed: m.completed,
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

async function exportAudits(orgId: number, userId: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.organisationId, orgId), eq(auditLog.action, "export"), eq(auditLog.userId, userId)),
    )
    .orderBy(auditLog.id);
}

describe("exporting the registers", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("export");
    await fillRegister(t);
  });

  it("writes the mentees register in the seed layout with real Excel dates", async () => {
    signInAs(t.users.curator);
    const res = await getExport("mentees");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/spreadsheetml/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment/);
    const book = await readBack(await res.arrayBuffer());
    expect(book.name).toBe("База наставляемых");
    expect(book.rows[0].values[0]).toBe("База наставляемых");
    expect(book.rows[1].values[0]).toBe("Школа № 1");
    expect(book.rows[2].values).toEqual([...MENTEE_HEADER, CONSENT]);
    const anna = book.rows.filter((r) => r.values[1] === "Иванова Анна Сергеевна");
    expect(anna).toHaveLength(2);
    expect(anna[0].values.slice(1, 8)).toEqual([
      "Иванова Анна Сергеевна",
      year - 14,
      "Алгебра",
      xdate(1, 9, 2023),
      TEACHER,
      "Педагог – ученик",
      "МБОУ СОШ № 1",
    ]);
    expect(anna[0].numFmts[4]).toBe("DD.MM.YYYY");
    expect(anna[0].values[11]).toBe("да");
    // The consent date, written so that the file can be imported back.
    expect(anna.map((r) => r.values[12])).toEqual([xdate(20, 8, 2023), xdate(20, 8, 2023)]);
    expect(anna[0].numFmts[12]).toBe("DD.MM.YYYY");
    const alone = book.rows.find((r) => r.values[1] === "Морозова Дарья Павловна")!;
    expect(alone.values[3]).toBe("Пока без пары");
    expect(await exportAudits(t.orgId, t.users.curator.id)).toHaveLength(1);
  });

  it("writes the mentors register: one row per group of mentees", async () => {
    signInAs(t.users.curator);
    const book = await readBack(await (await getExport("mentors")).arrayBuffer());
    expect(book.rows[2].values).toEqual([...MENTOR_HEADER, CONSENT]);
    const smirnova = book.rows.filter((r) => r.values[1] === TEACHER);
    expect(smirnova.map((r) => r.values[15])).toEqual([xdate(15, 8, 2023), xdate(15, 8, 2023)]);
    expect(smirnova.map((r) => r.values[9])).toEqual([
      "Иванова Анна Сергеевна; Кузнецов Илья Андреевич",
      "Иванова Анна Сергеевна",
    ]);
    // The school's own pupils and teachers have no workplace of record: the school is their workplace.
    expect(smirnova.map((r) => r.values[11])).toEqual(["СОШ № 1", "СОШ № 1"]);
    const belova = book.rows.find((r) => r.values[9] === "Павлов Олег Игоревич")!;
    expect(belova.values[11]).toBe("СОШ № 1");
    const orlov = book.rows.find((r) => r.values[1] === "Орлов Денис Сергеевич")!;
    expect([orlov.values[2], orlov.values[11]]).toEqual(["ООО «Техно»", "Школа № 1"]);
    expect(smirnova[0].values.slice(2, 8)).toEqual([
      "МБОУ СОШ № 1",
      "Математика",
      "Учитель года",
      "Шахматы",
      "12–15 лет",
      "2 часа в неделю",
    ]);
  });

  it("hands out formula-like text with a leading apostrophe, as text", async () => {
    signInAs(t.users.curator);
    const book = await readBack(await (await getExport("mentors")).arrayBuffer());
    const belova = book.rows.find((r) => r.values[3] === "Русский язык")!;
    expect(belova.values[4]).toBe(`'${FORMULA}`);
  });

  it("round-trips: export → import into an empty organisation → the same persons and pairs", async () => {
    signInAs(t.users.curator);
    const files = {
      mentees: new Uint8Array(await (await getExport("mentees")).arrayBuffer()),
      mentors: new Uint8Array(await (await getExport("mentors")).arrayBuffer()),
    };
    signInAs(t.users.admin);
    for (const kind of ["mentees", "mentors"] as const) {
      const res = await postImport({
        bytes: files[kind],
        kind,
        org: t.siblingOrgId,
        step: "commit",
        confirmNew: true,
      });
      expect(res.last, JSON.stringify(res.last)).toMatchObject({ type: "done", preview: { errorRows: 0 } });
    }
    const [before, after] = [await snapshot(t.orgId), await snapshot(t.siblingOrgId)];
    expect(after.persons).toHaveLength(8);
    expect(after.pairs).toHaveLength(5);
    // The files name the first school as the workplace of its own people in pairs (a mentee alone has no
    // workplace column): they come over as its staff and pupils.
    const paired = new Set(before.pairs.flatMap((p) => [p.mentor, p.mentee]));
    const moved = before.persons.map((p) => ({
      ...p,
      workplace: p.workplace || (ownPerson(p.category, "school") && paired.has(p.name) ? "СОШ № 1" : ""),
    }));
    expect(after).toEqual({ ...before, persons: moved });
  });
});

describe("who may export", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("export-scope");
  });

  it("refuses the ministry, other organisations and municipalities, anonymous callers", async () => {
    const cases = [
      [t.users.ministry, t.orgId, 403],
      [t.users.curator, t.siblingOrgId, 404],
      [t.users.coordinator, t.otherMunicipalityOrgId, 404],
      [t.users.siblingCoordinator, t.orgId, 404],
      [null, t.orgId, 401],
    ] as const;
    for (const [user, org, status] of cases) {
      signInAs(user);
      const res = await getExport("mentors", org);
      expect(res.status, `${user?.email} → ${org}`).toBe(status);
      expect(res.headers.get("content-type")).not.toMatch(/spreadsheetml/);
    }
    signInAs(t.users.curator);
    expect((await getExport("nonsense")).status).toBe(400);
  });

  it("lets a coordinator export an organisation of the municipality, and audits it", async () => {
    signInAs(t.users.coordinator);
    const res = await getExport("mentees", t.orgId);
    expect(res.status).toBe(200);
    const [record] = await exportAudits(t.orgId, t.users.coordinator.id);
    expect(record).toMatchObject({ entity: "register", changes: { kind: "mentees", rows: 0 } });
  });

  it("gives no file when the audit record cannot be written", async () => {
    signInAs(t.users.admin);
    failAudit.on = true;
    try {
      const res = await getExport("mentors", t.orgId);
      expect(res.status).toBe(500);
      expect(res.headers.get("content-type")).toMatch(/json/);
    } finally {
      failAudit.on = false;
    }
    expect(await exportAudits(t.orgId, t.users.admin.id)).toHaveLength(0);
  });
});
