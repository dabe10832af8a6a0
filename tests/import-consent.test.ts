/** The register import asks for the consent of minors, and for the curator's word before it makes up records. */
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, menteeProfiles, mentorProfiles, mentorships, persons, programmes } from "@/db/schema";
import type { ImportEvent, ImportPreview } from "@/lib/registry/import/types";
import { createTenant, type Tenant } from "./support/factories";
import { CONSENT, csvFile, MENTEE_HEADER, MENTOR_HEADER, postImport } from "./support/register-files";
import { createMentee, createMentor, createProgramme } from "./support/registry-factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const year = new Date().getFullYear();
const HEADER = [...MENTEE_HEADER, CONSENT];

/** A mentees register row: name, birth year, mentor, consent date (the rest as a teacher – pupil pair). */
const row = (n: number, name: string, birthYear: number | "", mentor: string, consent = "") => [
  String(n),
  name,
  birthYear,
  "",
  mentor ? "01.09.2025" : "",
  mentor,
  mentor ? "Педагог – ученик" : "",
  "",
  "",
  "",
  "",
  "",
  consent,
];

function previewOf(events: ImportEvent[]): ImportPreview {
  const e = events.find((x) => "preview" in x && x.preview) as { preview: ImportPreview };
  return e.preview;
}

async function register(orgId: number) {
  const db = await getDb();
  const people = await db
    .select({ p: persons, consent: menteeProfiles.consentDate, mentorConsent: mentorProfiles.consentDate })
    .from(persons)
    .leftJoin(menteeProfiles, eq(menteeProfiles.personId, persons.id))
    .leftJoin(mentorProfiles, eq(mentorProfiles.personId, persons.id))
    .where(eq(persons.organisationId, orgId));
  const pairs = await db.select().from(mentorships).where(eq(mentorships.organisationId, orgId));
  const progs = await db.select().from(programmes).where(eq(programmes.organisationId, orgId));
  const audits = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.action, "import")))
    .orderBy(auditLog.id);
  const byName = (surname: string) => people.find(({ p }) => p.surname === surname);
  return { people, pairs, progs, audits, byName };
}

describe("consent of minors", () => {
  let t: Tenant;
  const MENTOR = "Учителева Ольга Ивановна";
  beforeAll(async () => {
    t = await createTenant("imp-consent");
    await createMentor(t.orgId, { surname: "Учителева", name: "Ольга", patronymic: "Ивановна" });
    await createProgramme(t.orgId, { format: "teacher_pupil" });
    // In the register already: one with a consent on file, one without.
    const db = await getDb();
    const kept = await createMentee(t.orgId, { surname: "Хранимова", name: "Ева", patronymic: "Львовна" });
    await db
      .update(menteeProfiles)
      .set({ consentDate: "2024-05-05" })
      .where(eq(menteeProfiles.personId, kept.id));
    await createMentee(t.orgId, { surname: "Пустова", name: "Нина", patronymic: "Львовна" });
  });

  const file = () =>
    csvFile([
      HEADER,
      row(1, "Согласова Анна Петровна", year - 12, MENTOR, "01.09.2025"),
      row(2, "Безсогласов Илья Петрович", year - 12, MENTOR),
      row(3, "Безгодов Олег Петрович", "", MENTOR),
      row(4, "Взрослов Пётр Ильич", year - 30, ""),
      // Existing minors: the stored date stays when the cell is empty, a missing one is filled.
      row(5, "Хранимова Ева Львовна", 2011, MENTOR, ""),
      row(6, "Пустова Нина Львовна", 2011, MENTOR, "02.09.2025"),
    ]);

  it("makes a minor's row without a consent date an error that names whose consent is missing", async () => {
    signInAs(t.users.curator);
    const p = previewOf((await postImport({ bytes: file(), kind: "mentees" })).events);
    expect(p.errors.map((e) => [e.row, e.column, e.level])).toEqual([
      [3, CONSENT, "error"],
      [4, CONSENT, "error"],
    ]);
    expect(p.errors[0].message).toBe(
      "Дата согласия законного представителя наставляемого на обработку персональных данных не указана: участнику нет 18 лет, без согласия строку не загрузить.",
    );
    expect(p).toMatchObject({ rows: 6, validRows: 4, errorRows: 2 });
    // An adult without a consent: a warning, the card asks for it when next edited.
    expect(p.warnings).toContainEqual({
      column: CONSENT,
      message:
        "Дата письменного согласия наставляемого на обработку персональных данных не указана: внесите её в карточке участника.",
      rows: [5],
    });
    expect(JSON.stringify(p)).not.toMatch(/Безсогласов|Безгодов/);
  });

  it("writes nothing of such a file, unless the valid rows only are asked for; stores the consent dates", async () => {
    signInAs(t.users.curator);
    const before = await register(t.orgId);
    const refused = await postImport({ bytes: file(), kind: "mentees", step: "commit" });
    expect(refused.last).toMatchObject({
      type: "error",
      message: expect.stringMatching(/Ничего не записано/),
    });
    expect((await register(t.orgId)).people).toHaveLength(before.people.length);

    const res = await postImport({ bytes: file(), kind: "mentees", step: "commit", rows: "valid" });
    expect(res.last).toMatchObject({ type: "done", result: { importedRows: 4, skippedRows: 2 } });
    const r = await register(t.orgId);
    expect(r.byName("Безсогласов")).toBeUndefined();
    expect(r.byName("Безгодов")).toBeUndefined();
    expect(r.byName("Согласова")?.consent).toBe("2025-09-01");
    expect(r.byName("Взрослов")?.consent).toBeNull();
    expect(r.byName("Хранимова")?.consent).toBe("2024-05-05");
    expect(r.byName("Пустова")?.consent).toBe("2025-09-02");
    expect(r.pairs).toHaveLength(3);
  });

  it("asks a pupil mentor's legal representative in the mentors register, and stores a mentor's date", async () => {
    signInAs(t.users.curator);
    const bytes = csvFile([
      [...MENTOR_HEADER, CONSENT],
      ["1", "Старшеклассникова Яна Олеговна", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
      [
        "2",
        "Наставникова Ирина Олеговна",
        "Школа",
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
        "",
        "",
        "03.09.2025",
      ],
    ]);
    // A pupil mentor (ученик – ученик) counts as a minor without a year of birth.
    const pupil = csvFile([
      [...MENTOR_HEADER, CONSENT],
      [
        "1",
        "Старшеклассникова Яна Олеговна",
        "",
        "",
        "",
        "",
        "",
        "",
        "01.09.2025",
        "Согласова Анна Петровна",
        "Ученик – ученик",
        "",
        "",
        "",
        "",
        "",
      ],
    ]);
    const p = previewOf((await postImport({ bytes: pupil, kind: "mentors", confirmNew: true })).events);
    expect(p.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        2,
        CONSENT,
        "Дата согласия законного представителя наставника на обработку персональных данных не указана: участнику нет 18 лет, без согласия строку не загрузить.",
      ],
    ]);
    const res = await postImport({ bytes, kind: "mentors", step: "commit" });
    expect(res.last).toMatchObject({ type: "done", result: { importedRows: 2 } });
    expect((await register(t.orgId)).byName("Наставникова")?.mentorConsent).toBe("2025-09-03");
  });
});

describe("records the file does not describe", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("imp-invent");
    await createMentor(t.orgId, { surname: "Известнова", name: "Ольга", patronymic: "Ивановна" });
    await createProgramme(t.orgId, { format: "teacher_pupil", title: "Своя программа" });
  });

  const file = () =>
    csvFile([
      HEADER,
      row(1, "Первая Анна Петровна", year - 12, "Известнова Ольга Ивановна", "01.09.2025"),
      row(2, "Вторая Анна Петровна", year - 12, "Неизвестнова Мария Ивановна", "01.09.2025"),
      // A format the organisation has no programme of.
      [...row(3, "Третья Анна Петровна", year - 12, "Известнова Ольга Ивановна", "01.09.2025")].map((c, i) =>
        i === 6 ? "Ученик – ученик" : i === 5 ? "Старшая Вера Петровна" : c,
      ),
    ]);

  it("lists the new persons and programmes in the preview, and makes their rows errors until confirmed", async () => {
    signInAs(t.users.curator);
    const p = previewOf((await postImport({ bytes: file(), kind: "mentees" })).events);
    expect(p.confirmedNew).toBe(false);
    expect(p.proposed.persons).toEqual([
      { name: "Неизвестнова Мария Ивановна", role: "mentor", rows: [3] },
      { name: "Старшая Вера Петровна", role: "mentor", rows: [4] },
    ]);
    expect(p.proposed.programmes).toEqual([
      { name: expect.stringMatching(/^Ученик – ученик \(импорт \d\d\.\d\d\.\d{4}\)$/), rows: [4] },
    ]);
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "ФИО наставника"],
      [4, "ФИО наставника"],
    ]);
    expect(p.errors[0].message).toMatch(/Создать новых участников и программы/);
    expect(p).toMatchObject({ validRows: 1, errorRows: 2 });
    const confirmed = previewOf(
      (await postImport({ bytes: file(), kind: "mentees", confirmNew: true })).events,
    );
    expect(confirmed).toMatchObject({ confirmedNew: true, validRows: 3, errorRows: 0, errors: [] });
    expect(confirmed.proposed).toEqual(p.proposed);
  });

  it("writes neither without the confirmation, even of the valid rows; creates them with it", async () => {
    signInAs(t.users.curator);
    const refused = await postImport({ bytes: file(), kind: "mentees", step: "commit" });
    expect(refused.last).toMatchObject({
      type: "error",
      message: expect.stringMatching(/Ничего не записано/),
    });
    // Without the mark only the row that needs nothing new is written.
    const partial = await postImport({ bytes: file(), kind: "mentees", step: "commit", rows: "valid" });
    expect(partial.last).toMatchObject({ type: "done", result: { importedRows: 1, skippedRows: 2 } });
    let r = await register(t.orgId);
    expect(r.byName("Первая")).toBeDefined();
    expect(r.byName("Вторая")).toBeUndefined();
    expect(r.byName("Неизвестнова")).toBeUndefined();
    expect(r.byName("Старшая")).toBeUndefined();
    expect(r.progs.map((x) => x.title)).toEqual(["Своя программа"]);
    expect(r.audits.at(-1)?.changes).toMatchObject({ confirmedNew: false, newProgrammes: 0 });

    const res = await postImport({ bytes: file(), kind: "mentees", step: "commit", confirmNew: true });
    expect(res.last).toMatchObject({ type: "done", result: { importedRows: 3, skippedRows: 0 } });
    r = await register(t.orgId);
    expect(r.byName("Неизвестнова")?.p).toMatchObject({ category: "teacher" });
    expect(r.byName("Старшая")?.p).toMatchObject({ category: "pupil" });
    const db = await getDb();
    const made = await db
      .select()
      .from(programmes)
      .where(and(eq(programmes.organisationId, t.orgId), like(programmes.title, "%(импорт %")));
    expect(made.map((x) => x.format)).toEqual(["pupil_pupil"]);
    expect(r.pairs).toHaveLength(3);
  });
});
