import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, menteeProfiles, mentorProfiles, mentorships, persons, programmes } from "@/db/schema";
import { scopeOrg } from "@/lib/auth/scoped";
import { orgTag } from "@/lib/public/cache";
import { normaliseHeader } from "@/lib/registry/import/columns";
import { readCsv } from "@/lib/tabular/csv";
import { runImport } from "@/lib/registry/import/service";
import type { ImportEvent, ImportPreview } from "@/lib/registry/import/types";
import {
  parseBirthYear,
  parseCompleted,
  parseDate,
  parseFormat,
  splitName,
} from "@/lib/registry/import/values";
import { createTenant, type Tenant } from "./support/factories";
import {
  CONSENT,
  csvFile,
  MENTEE_HEADER,
  MENTOR_HEADER,
  postImport,
  xdate,
  xlsxFile,
  type FixtureCell,
} from "./support/register-files";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
const cache = vi.hoisted(() => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
vi.mock("next/cache", () => cache);
vi.mock("@/lib/cache", async (original) =>
  (await import("./support/cache-spy")).recordInvalidations(original, cache.revalidateTag),
);
/** Whether the organisation's public page was dropped from the cache since the last `mockClear`. */
const republished = (orgId: number) => cache.revalidateTag.mock.calls.some(([tag]) => tag === orgTag(orgId));

const year = new Date().getFullYear();
const TEACHER = "Смирнова Ольга Ивановна";

async function register(orgId: number) {
  const db = await getDb();
  const people = await db.select().from(persons).where(eq(persons.organisationId, orgId));
  const pairs = await db.select().from(mentorships).where(eq(mentorships.organisationId, orgId));
  const progs = await db.select().from(programmes).where(eq(programmes.organisationId, orgId));
  const audits = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.action, "import")))
    .orderBy(auditLog.id);
  const byName = (full: string) => people.find((p) => `${p.surname} ${p.name} ${p.patronymic}` === full);
  return { people, pairs, progs, audits, byName };
}

function previewOf(events: ImportEvent[]): ImportPreview {
  const e = events.find(
    (x) => x.type === "preview" || x.type === "done" || (x.type === "error" && x.preview),
  );
  return (e as { preview: ImportPreview }).preview;
}

describe("reading cell values", () => {
  it("reads Excel dates, serial numbers and ДД.ММ.ГГГГ text, and rejects impossible dates", () => {
    expect(parseDate(xdate(1, 9, 2023))).toEqual({ ok: true, value: "2023-09-01" });
    expect(parseDate(45170)).toEqual({ ok: true, value: "2023-09-01" });
    expect(parseDate("01.09.2023")).toEqual({ ok: true, value: "2023-09-01" });
    expect(parseDate("1.9.23")).toEqual({ ok: true, value: "2023-09-01" });
    expect(parseDate(" 01.09.2023 г. ")).toEqual({ ok: true, value: "2023-09-01" });
    expect(parseDate("2023-09-01")).toEqual({ ok: true, value: "2023-09-01" });
    expect(parseDate("")).toEqual({ ok: true, value: null });
    expect(parseDate("31.02.2023").ok).toBe(false);
    expect(parseDate("сентябрь").ok).toBe(false);
    expect(parseDate("01.09.1901").ok).toBe(false);
  });

  it("reads years of birth and refuses those outside 1930..this year", () => {
    expect(parseBirthYear(2010)).toEqual({ ok: true, value: 2010 });
    expect(parseBirthYear("2010 г.")).toEqual({ ok: true, value: 2010 });
    expect(parseBirthYear(xdate(5, 3, 2011))).toEqual({ ok: true, value: 2011 });
    expect(parseBirthYear("1925").ok).toBe(false);
    expect(parseBirthYear(String(year + 1)).ok).toBe(false);
    expect(parseBirthYear("десять").ok).toBe(false);
  });

  it("splits «Фамилия Имя Отчество» and refuses a lone word", () => {
    expect(splitName("  Иванова   Анна Сергеевна ")).toMatchObject({
      ok: true,
      value: { surname: "Иванова", name: "Анна", patronymic: "Сергеевна", key: "иванова анна сергеевна" },
    });
    expect(splitName("Мамедов Али Гасан оглы")).toMatchObject({ value: { patronymic: "Гасан оглы" } });
    expect(splitName("Семёнов Пётр").ok && splitName("Семёнов Пётр")).toMatchObject({
      value: { key: "семенов петр" },
    });
    expect(splitName("Никитин").ok).toBe(false);
    expect(splitName("Иванов И.И.")).toMatchObject({ ok: true, value: { initials: true } });
  });

  it("reads formats from Russian labels, however they are written", () => {
    const f = (s: string) => parseFormat(s);
    expect(f("Ученик – ученик")).toEqual({ ok: true, value: "pupil_pupil" });
    expect(f("ученик-ученик")).toEqual({ ok: true, value: "pupil_pupil" });
    expect(f("учитель – учитель")).toEqual({ ok: true, value: "teacher_teacher" });
    expect(f("Педагог — педагог (опытный педагог – молодой специалист)")).toEqual({
      ok: true,
      value: "teacher_teacher",
    });
    expect(f("Студент – ученик")).toEqual({ ok: true, value: "student_pupil" });
    expect(f("работодатель - студент")).toEqual({ ok: true, value: "employer_student" });
    expect(f("Педагог – обучающийся")).toEqual({ ok: true, value: "teacher_pupil" });
    expect(f("Наставник – друг").ok).toBe(false);
    expect(parseCompleted("да")).toEqual({ ok: true, value: true });
    expect(parseCompleted("+")).toEqual({ ok: true, value: true });
    expect(parseCompleted("Пройдена")).toEqual({ ok: true, value: true });
    expect(parseCompleted("")).toEqual({ ok: true, value: false });
    expect(parseCompleted("может быть").ok).toBe(false);
  });

  it("matches headers regardless of case, spaces, ё and «Ф.И.О»", () => {
    expect(normaliseHeader(" Ф.И.О  наставника ")).toBe(normaliseHeader("ФИО наставника"));
    expect(normaliseHeader("ДАТА ВХОЖДЕНИЯ\nв программу")).toBe(
      normaliseHeader("Дата вхождения в программу"),
    );
    expect(normaliseHeader("Отчёт")).toBe(normaliseHeader("отчет"));
  });
});

describe("reading CSV", () => {
  const rows = [
    ["ФИО наставляемого", "Основной запрос наставляемого"],
    ["Иванова Анна Сергеевна", 'Запрос; с "кавычками",\nи переносом'],
    ["Кузнецов Илья Андреевич", "Математика"],
  ];
  const cells = (bytes: Uint8Array) => readCsv(bytes).rows.map((r) => r.cells);

  it("reads UTF-8 with and without BOM, «;» and «,», quoted fields with line breaks", () => {
    for (const delimiter of [";", ","])
      for (const bom of [true, false]) expect(cells(csvFile(rows, { delimiter, bom }))).toEqual(rows);
    expect(cells(csvFile(rows, { delimiter: ",", quoteAll: true }))).toEqual(rows);
  });

  it("numbers records by the line they start on", () => {
    expect(readCsv(csvFile(rows)).rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("reads Windows-1251", () => {
    const bytes = csvFile([["ФИО наставляемого"], ["Семёнов Пётр Ильич"]], { encoding: "windows-1251" });
    expect(cells(bytes)).toEqual([["ФИО наставляемого"], ["Семёнов Пётр Ильич"]]);
  });
});

/** A mentees register with a title above the header, reordered and extra columns, Excel and text dates. */
async function menteesWorkbook() {
  const header = [
    "  фио НАСТАВЛЯЕМОГО ",
    "Год рождения наставляемого",
    "Примечание",
    "Ф.И.О. наставника",
    "Форма наставничества",
    "Дата вхождения в программу",
    "Место работы наставника",
    "Основной запрос наставляемого",
    "Дата завершения программы",
    "Результаты программы",
    "Ссылка на кейс/отзыв наставляемого",
    "Отметка о прохождении программы",
    "Дата согласия законного представителя",
  ];
  const rows: FixtureCell[][] = [
    ["База наставляемых"],
    ["МБОУ СОШ № 1"],
    header,
    [
      "Иванова Анна Сергеевна",
      year - 14,
      "7А",
      TEACHER,
      "Педагог – ученик",
      xdate(1, 9, 2023),
      "МБОУ СОШ № 1",
      "Подтянуть математику",
      xdate(31, 5, 2024),
      "Четвёрка по алгебре",
      "https://s1.ru/case1",
      "да",
      xdate(25, 8, 2023),
    ],
    [null, null, null, null, null, null, null, null, null, null, null, null, null],
    [
      "Кузнецов Илья Андреевич",
      String(year - 13),
      null,
      TEACHER,
      "педагог-ученик",
      "15.09.2023",
      null,
      "Чтение",
      null,
      null,
      null,
      null,
      "10.09.2023",
    ],
    [
      "Морозова Дарья Павловна",
      year - 15,
      null,
      "Волков Артём Игоревич",
      "Ученик – ученик",
      "1.10.23",
      null,
      null,
      null,
      null,
      null,
      "+",
      "01.10.2023",
    ],
  ];
  return xlsxFile(rows);
}

describe("importing the mentees register", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("imp-mentees");
  });

  it("previews without writing, then commits everything in one audited transaction", async () => {
    signInAs(t.users.curator);
    const bytes = await menteesWorkbook();
    cache.revalidateTag.mockClear();
    const preview = await postImport({ bytes, kind: "mentees", confirmNew: true });
    expect(preview.status).toBe(200);
    const p = previewOf(preview.events);
    expect(p).toMatchObject({ headerRow: 3, rows: 3, validRows: 3, errorRows: 0, duplicates: [] });
    expect(p.counts).toMatchObject({ newPersons: 5, newMentorships: 3, existingMentorships: 0 });
    expect(p.counts.newProgrammes).toHaveLength(2);
    expect(p.notes).toContain("Столбец «Примечание» не относится к реестру и пропущен.");
    // The mentors are named only here: the preview lists them and the programmes for the curator to confirm.
    expect(p.proposed.persons).toEqual([
      { name: TEACHER, role: "mentor", rows: [4, 6] },
      { name: "Волков Артём Игоревич", role: "mentor", rows: [7] },
    ]);
    expect(p.proposed.programmes.map((x) => x.rows)).toEqual([[4, 6], [7]]);
    expect(p.errors).toEqual([]);
    expect(p.warnings.filter((w) => /согласия/.test(w.message))).toEqual([]);
    expect((await register(t.orgId)).people).toHaveLength(0);
    expect(republished(t.orgId)).toBe(false);

    const commit = await postImport({
      bytes,
      kind: "mentees",
      step: "commit",
      fileName: "база.xlsx",
      confirmNew: true,
    });
    expect(commit.last).toMatchObject({ type: "done", result: { importedRows: 3, skippedRows: 0 } });
    // The public page (its counts of mentors and pairs) shows the import at once.
    expect(republished(t.orgId)).toBe(true);
    const writes = commit.events.filter((e) => e.type === "progress" && e.phase === "write");
    expect(writes.at(-1)).toMatchObject({ done: expect.any(Number) });
    const r = await register(t.orgId);
    expect(r.people).toHaveLength(5);
    const anna = r.byName("Иванова Анна Сергеевна")!;
    const teacher = r.byName(TEACHER)!;
    const pupilMentor = r.byName("Волков Артём Игоревич")!;
    expect(anna).toMatchObject({ birthYear: year - 14, category: "pupil" });
    expect(teacher).toMatchObject({ category: "teacher", workplace: "МБОУ СОШ № 1", birthYear: null });
    expect(pupilMentor.category).toBe("pupil");
    const pair = r.pairs.find((m) => m.menteeId === anna.id)!;
    expect(pair).toMatchObject({
      mentorId: teacher.id,
      entryDate: "2023-09-01",
      endDate: "2024-05-31",
      result: "Четвёрка по алгебре",
      menteeReviewUrl: "https://s1.ru/case1",
      completed: true,
    });
    const ilya = r.byName("Кузнецов Илья Андреевич")!;
    expect(r.pairs.find((m) => m.menteeId === ilya.id)).toMatchObject({
      entryDate: "2023-09-15",
      completed: false,
    });
    expect(r.pairs.find((m) => m.mentorId === pupilMentor.id)).toMatchObject({ entryDate: "2023-10-01" });
    expect(r.progs.map((x) => x.format).sort()).toEqual(["pupil_pupil", "teacher_pupil"]);
    const db = await getDb();
    const [profile] = await db.select().from(menteeProfiles).where(eq(menteeProfiles.personId, anna.id));
    expect(profile).toMatchObject({ request: "Подтянуть математику", consentDate: "2023-08-25" });
    const [mp] = await db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, teacher.id));
    expect(mp).toBeDefined();
    // One audit record: counts and the file's name, no person's name.
    expect(r.audits).toHaveLength(1);
    expect(r.audits[0]).toMatchObject({ userId: t.users.curator.id, entity: "register" });
    expect(r.audits[0].changes).toMatchObject({ kind: "mentees", fileName: "база.xlsx", newPersons: 5 });
    expect(JSON.stringify(r.audits[0].changes)).not.toMatch(/Иванова|Смирнова/);
  });

  it("re-importing the same file adds nobody and no pair", async () => {
    signInAs(t.users.curator);
    const again = await postImport({ bytes: await menteesWorkbook(), kind: "mentees", step: "commit" });
    expect(again.last).toMatchObject({
      type: "done",
      result: { counts: { newPersons: 0, newMentorships: 0, existingMentorships: 3 } },
    });
    const p = previewOf(again.events);
    expect(p.duplicates).toHaveLength(3);
    const r = await register(t.orgId);
    expect(r.people).toHaveLength(5);
    expect(r.pairs).toHaveLength(3);
    expect(r.progs).toHaveLength(2);
  });
});

/** The mentees register with the consent column; `csvRow` gives every named mentee a consent date. */
const HEADER = [...MENTEE_HEADER, CONSENT];
const csvRow = (cells: (string | number)[]) => [
  ...cells,
  ...Array(12 - cells.length).fill(""),
  cells[1] ? "01.09.2023" : "",
];

describe("bad rows", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("imp-bad");
    const db = await getDb();
    await db.insert(persons).values({
      organisationId: t.orgId,
      surname: "Лебедев",
      name: "Глеб",
      patronymic: "Ильич",
      birthYear: 2009,
      category: "pupil",
    });
  });
  const file = () =>
    csvFile([
      HEADER,
      csvRow([
        "1",
        "Егорова Вера Павловна",
        2010,
        "Запрос; с переносом\nстроки",
        "01.09.2023",
        TEACHER,
        "Педагог – ученик",
      ]),
      csvRow(["", "", "", "", "", "", ""]),
      csvRow(["2", "", 2010, "", "01.09.2023", TEACHER, "Педагог – ученик"]),
      csvRow(["3", "Сидоров Олег Викторович", "1925"]),
      csvRow(["4", "Орлова Мария Ивановна", 2010, "", "32.13.2023", TEACHER, "Педагог – ученик"]),
      csvRow([
        "5",
        "Белов Кирилл Олегович",
        2010,
        "",
        "01.09.2024",
        TEACHER,
        "Педагог – ученик",
        "",
        "01.06.2024",
      ]),
      csvRow(["6", "Зайцева Алина Романовна", 2011, "", "01.09.2023", TEACHER, "Наставник – друг"]),
      csvRow(["7", "Никитин", 2010]),
      csvRow([
        "8",
        "Павлова Ксения Игоревна",
        2010,
        "",
        "01.09.2023",
        "Лебедев Глеб Ильич",
        "Педагог – ученик",
      ]),
      csvRow(["9", "Титова Ева Львовна", 2010, "", "", TEACHER, "Педагог – ученик"]),
      csvRow(["10", "Гусев Марк Ильич", 2012, "", "01.09.2023", TEACHER, "Педагог – ученик"]),
    ]);

  it("lists every bad row with its line, column and a Russian reason", async () => {
    signInAs(t.users.curator);
    const res = await postImport({ bytes: file(), fileName: "база.csv", kind: "mentees", confirmNew: true });
    const p = previewOf(res.events);
    const errors = p.errors.map((i) => [i.row, i.column, i.message]);
    expect(errors).toEqual([
      [5, "ФИО наставляемого", expect.stringMatching(/Не указаны фамилия/)],
      [6, "Год рождения наставляемого", expect.stringMatching(/вне допустимого диапазона/)],
      [7, "Дата вхождения в программу", expect.stringMatching(/не распознана/)],
      [8, "Дата завершения программы", expect.stringMatching(/раньше даты вхождения/)],
      [9, "Форма наставничества", expect.stringMatching(/не распознана/)],
      [10, "ФИО наставляемого", expect.stringMatching(/фамилию и имя/)],
      [11, "Форма наставничества", expect.stringMatching(/наставником может быть/)],
      [12, "Дата вхождения в программу", expect.stringMatching(/Укажите дату вхождения/)],
    ]);
    expect(p).toMatchObject({ rows: 10, validRows: 2, errorRows: 8 });
    expect(JSON.stringify(p.errors)).not.toMatch(/1925/);
  });

  it("writes nothing from a file with errors, unless the valid rows only are asked for", async () => {
    signInAs(t.users.curator);
    const refused = await postImport({ bytes: file(), kind: "mentees", step: "commit", confirmNew: true });
    expect(refused.last).toMatchObject({
      type: "error",
      message: expect.stringMatching(/Ничего не записано/),
    });
    expect((await register(t.orgId)).people).toHaveLength(1);

    const partial = await postImport({
      bytes: file(),
      kind: "mentees",
      step: "commit",
      rows: "valid",
      confirmNew: true,
    });
    expect(partial.last).toMatchObject({ type: "done", result: { importedRows: 2, skippedRows: 8 } });
    const r = await register(t.orgId);
    expect(r.people.map((x) => x.surname).sort()).toEqual(["Гусев", "Егорова", "Лебедев", "Смирнова"]);
    expect(r.pairs).toHaveLength(2);
    expect(r.audits[0].changes).toMatchObject({ skippedRows: 8, validRowsOnly: true });
    // The row whose pair did not fit the format left no trace: Павлова was not created.
    expect(r.byName("Павлова Ксения Игоревна")).toBeUndefined();
  });
});

describe("persons already in the register", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("imp-dup");
  });
  async function seed(orgId: number) {
    const db = await getDb();
    const [anna, petr] = await db
      .insert(persons)
      .values([
        {
          organisationId: orgId,
          surname: "Иванова",
          name: "Анна",
          patronymic: "Сергеевна",
          birthYear: 2010,
          category: "pupil",
        },
        {
          organisationId: orgId,
          surname: "Семёнов",
          name: "Пётр",
          patronymic: "",
          birthYear: 2011,
          category: "pupil",
        },
      ])
      .returning();
    await db.insert(menteeProfiles).values({ personId: anna.id, request: "" });
    return { anna, petr };
  }
  const file = () =>
    csvFile([
      HEADER,
      csvRow(["1", "иванова  анна сергеевна", 2010, "Математика", "01.09.2023", TEACHER, "Педагог – ученик"]),
      csvRow(["2", "Семенов Петр", 2011, "Чтение", "01.09.2023", TEACHER, "Педагог – ученик"]),
      csvRow(["3", "Иванова Анна Сергеевна", 2012, "", "01.09.2023", TEACHER, "Педагог – ученик"]),
    ]);

  it("offers to merge (same name, ё = е, same year) and fills empty fields", async () => {
    signInAs(t.users.curator);
    const { anna, petr } = await seed(t.orgId);
    const preview = previewOf(
      (await postImport({ bytes: file(), kind: "mentees", confirmNew: true })).events,
    );
    expect(preview.duplicates.map((d) => [d.row, d.existing.id])).toEqual([
      [2, anna.id],
      [3, petr.id],
    ]);
    const res = await postImport({ bytes: file(), kind: "mentees", step: "commit", confirmNew: true });
    expect(res.last).toMatchObject({ type: "done", result: { counts: { mergedPersons: 2, newPersons: 2 } } });
    const r = await register(t.orgId);
    // Anna of 2012 is another girl; the teacher is new.
    expect(r.people).toHaveLength(4);
    const db = await getDb();
    const [profile] = await db.select().from(menteeProfiles).where(eq(menteeProfiles.personId, anna.id));
    expect(profile.request).toBe("Математика");
    expect(r.pairs.filter((m) => m.menteeId === anna.id || m.menteeId === petr.id)).toHaveLength(2);
  });

  it("creates new persons when the curator chooses so", async () => {
    const other = t.siblingOrgId;
    signInAs(t.users.admin);
    await seed(other);
    const res = await postImport({
      bytes: file(),
      kind: "mentees",
      org: other,
      step: "commit",
      duplicates: "create",
      confirmNew: true,
    });
    expect(res.last).toMatchObject({ type: "done", result: { counts: { mergedPersons: 0, newPersons: 4 } } });
    const r = await register(other);
    expect(r.people.filter((p) => p.surname === "Иванова" && p.birthYear === 2010)).toHaveLength(2);
  });
});

describe("importing the mentors register", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("imp-mentors");
  });
  const rows = [
    ["Форма 2. База наставников"],
    MENTOR_HEADER,
    [
      "1",
      TEACHER,
      "МБОУ СОШ № 1",
      "Математика, олимпиады",
      "Учитель года — 2022",
      "Шахматы",
      "12–15 лет",
      "2 часа в неделю",
      "01.09.2023",
      "Иванова Анна Сергеевна; Кузнецов Илья Андреевич\nМорозова Дарья Павловна",
      "Педагог – ученик",
      "",
      "31.05.2024",
      "Успеваемость выросла",
      "https://s1.ru/m1",
    ],
    [
      "2",
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
      "",
      "",
      "",
      "",
    ],
    ["3", "Белова Нина Петровна", "МБОУ СОШ № 1", "Русский язык", "", "", "", "", "", "", "", "", "", "", ""],
  ];

  it("reads a «,»-separated CSV without BOM: mentors with questionnaires, mentees, pairs", async () => {
    signInAs(t.users.curator);
    const bytes = csvFile(rows, { delimiter: ",", bom: false });
    const res = await postImport({
      bytes,
      kind: "mentors",
      fileName: "наставники.csv",
      step: "commit",
      confirmNew: true,
    });
    expect(res.last).toMatchObject({
      type: "done",
      result: { importedRows: 3, counts: { newMentorships: 4 } },
    });
    const r = await register(t.orgId);
    expect(r.people).toHaveLength(7);
    const teacher = r.byName(TEACHER)!;
    expect(teacher).toMatchObject({ category: "teacher", workplace: "МБОУ СОШ № 1" });
    expect(r.byName("Орлов Денис Сергеевич")).toMatchObject({
      category: "employer_rep",
      workplace: "ООО «Техно»",
    });
    expect(r.byName("Морозова Дарья Павловна")).toMatchObject({ category: "pupil", birthYear: null });
    const db = await getDb();
    const [mp] = await db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, teacher.id));
    expect(mp).toMatchObject({
      competencies: "Математика, олимпиады",
      preferredMenteeAge: "12–15 лет",
      timeAvailable: "2 часа в неделю",
    });
    expect(r.pairs.filter((m) => m.mentorId === teacher.id)).toHaveLength(3);
    expect(r.pairs.find((m) => m.mentorId === teacher.id)).toMatchObject({
      endDate: "2024-05-31",
      mentorReviewUrl: "https://s1.ru/m1",
    });
    const [belova] = await db
      .select()
      .from(mentorProfiles)
      .where(eq(mentorProfiles.personId, r.byName("Белова Нина Петровна")!.id));
    expect(belova.competencies).toBe("Русский язык");
  });

  it("refuses a mentors file offered as the mentees register, and a file without a header", async () => {
    signInAs(t.users.curator);
    const wrong = await postImport({ bytes: csvFile(rows), kind: "mentees" });
    expect(wrong.last).toMatchObject({ type: "error", message: expect.stringMatching(/базу наставников/) });
    const junk = await postImport({
      bytes: csvFile([
        ["a", "b"],
        ["1", "2"],
      ]),
      kind: "mentors",
    });
    expect(junk.last).toMatchObject({ type: "error", message: expect.stringMatching(/строка заголовков/) });
    const xls = await postImport({
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      kind: "mentors",
    });
    expect(xls.last).toMatchObject({ type: "error", message: expect.stringMatching(/\.xls/) });
  });

  it("reads a Windows-1251 CSV", async () => {
    signInAs(t.users.curator);
    const bytes = csvFile(
      [
        HEADER,
        csvRow([
          "1",
          "Семёнова Алёна Петровна",
          2012,
          "Английский",
          "01.09.2023",
          TEACHER,
          "Педагог – ученик",
        ]),
      ],
      { encoding: "windows-1251" },
    );
    const p = previewOf((await postImport({ bytes, kind: "mentees" })).events);
    expect(p).toMatchObject({ validRows: 1, errorRows: 0 });
    // The teacher is already there: recognised, not doubled.
    expect(p.counts).toMatchObject({ newPersons: 1 });
  });
});

describe("scope and atomicity", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("imp-scope");
  });
  const bytes = () =>
    csvFile([HEADER, csvRow(["1", "Гусев Марк Ильич", 2012, "", "01.09.2023", TEACHER, "Педагог – ученик"])]);

  it("refuses a curator importing into another organisation, coordinators, the ministry, anonymous callers", async () => {
    signInAs(t.users.curator);
    expect(
      await postImport({ bytes: bytes(), kind: "mentees", org: t.siblingOrgId, step: "commit" }),
    ).toMatchObject({
      status: 404,
    });
    for (const [user, status] of [
      [t.users.coordinator, 403],
      [t.users.ministry, 403],
      [null, 401],
    ] as const) {
      signInAs(user);
      expect(
        (await postImport({ bytes: bytes(), kind: "mentees", org: t.orgId, step: "commit" })).status,
      ).toBe(status);
    }
    expect((await register(t.orgId)).people).toHaveLength(0);
    expect((await register(t.siblingOrgId)).people).toHaveLength(0);
  });

  it("leaves nothing behind when the import fails half-way through writing", async () => {
    const events: ImportEvent[] = [];
    let writes = 0;
    cache.revalidateTag.mockClear();
    const rows = Array.from({ length: 1500 }, (_, i) =>
      csvRow([
        String(i + 1),
        `Ученикович Ученик ${patronymic(i)}`,
        2012,
        "",
        "01.09.2023",
        TEACHER,
        "Педагог – ученик",
      ]),
    );
    await runImport(
      t.users.curator,
      await scopeOrg(t.users.curator, t.orgId, "edit"),
      {
        kind: "mentees",
        fileName: "crash.csv",
        bytes: csvFile([HEADER, ...rows]),
        options: { rows: "all", duplicates: "merge", confirmNew: true },
        commit: true,
      },
      (e) => {
        events.push(e);
        // After the first batch of persons is in: the server "crashes".
        if (e.type === "progress" && e.phase === "write" && e.done > 0 && ++writes === 1)
          throw new Error("crash");
      },
    );
    expect(events.at(-1)).toMatchObject({
      type: "error",
      message: expect.stringMatching(/Ничего не записано/),
    });
    const r = await register(t.orgId);
    expect([r.people.length, r.pairs.length, r.progs.length, r.audits.length]).toEqual([0, 0, 0, 0]);
    expect(republished(t.orgId)).toBe(false);
  });
});

/** Distinct letter-only patronymics for generated rows. */
function patronymic(i: number) {
  const a = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ";
  return `${a[i % a.length]}${a[Math.floor(i / a.length) % a.length]}${a[Math.floor(i / a.length ** 2) % a.length]}овна`;
}

describe("a 10 000-row file", () => {
  it("imports in batches; the time is printed, not asserted", async () => {
    const t = await createTenant("imp-10k");
    signInAs(t.users.curator);
    const rows: FixtureCell[][] = [["База наставляемых"], [...MENTEE_HEADER, CONSENT]];
    for (let i = 0; i < 10_000; i++)
      rows.push([
        i + 1,
        `Ученица Анна ${patronymic(i)}`,
        2008 + (i % 8),
        "Запрос",
        xdate(1, 9, 2023),
        `Педагогова Мария ${patronymic(20_000 + (i % 200))}`,
        "Педагог – ученик",
        "МБОУ СОШ № 1",
        null,
        "",
        "",
        "нет",
        xdate(1, 9, 2023),
      ]);
    const bytes = await xlsxFile(rows);
    let started = performance.now();
    const preview = await postImport({ bytes, kind: "mentees", confirmNew: true });
    const previewMs = performance.now() - started;
    expect(previewOf(preview.events)).toMatchObject({ rows: 10_000, errorRows: 0 });
    started = performance.now();
    const res = await postImport({ bytes, kind: "mentees", step: "commit", confirmNew: true });
    const commitMs = performance.now() - started;
    console.log(
      `[bench] 10 000-row XLSX (${(bytes.length / 1024).toFixed(0)} KB): preview ${previewMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms`,
    );
    expect(res.last).toMatchObject({
      type: "done",
      result: { importedRows: 10_000, counts: { newPersons: 10_200 } },
    });
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(mentorships)
      .where(eq(mentorships.organisationId, t.orgId));
    expect(n).toBe(10_000);
    const progress = res.events.filter((e) => e.type === "progress" && e.phase === "write");
    expect(progress.length).toBeGreaterThan(10);
  }, 120_000);
});
