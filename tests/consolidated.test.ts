import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, organisations, reports } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { consolidateForm, consolidateForm1 } from "@/lib/reports/consolidated/assemble";
import { formLayout, omskCells } from "@/lib/reports/consolidated/layout";
import { consolidatedScope, loadConsolidated } from "@/lib/reports/consolidated/queries";
import { rowSums, emptyForms, FORM_KEYS } from "@/lib/reports/counting";
import type { Form1, ReportFormKey, ReportRow } from "@/lib/reports/types";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const period = { year: 2025, quarter: 4 };
const summary = {
  learnerMentees: 0,
  learnerMentors: 0,
  teacherMentors: 0,
  youngTeacherMentees: 0,
  youngTeachersWithRoute: 0,
  learnersAny: 0,
  teachersAny: 0,
  activeProgrammes: 0,
};
const no = { present: false, number: "", date: null };
const form1 = (learners: number, staff: number, young: number): Form1 => ({
  municipality: "",
  organisation: "",
  directorName: "Петров П. П.",
  phone: "8 (38178) 2-11-11",
  email: "s@school.ru",
  address: "с. Саргатское",
  learners10to18: learners,
  teachingStaff: staff,
  youngTeachers: young,
  curatorName: "Иванова И. И.",
  documents: {
    model_introduction: { present: true, number: "12", date: "2025-09-01" },
    regulation_approval: no,
    pairs_assignment: no,
    personalised_programme: no,
  },
});
const row = (title: string, mentors: number, mentees: number, extra: Partial<ReportRow> = {}): ReportRow => ({
  programmeId: null,
  title,
  mentors,
  mentees,
  result: "Рост успеваемости",
  ...extra,
});
type Spec = Partial<Record<ReportFormKey, [ReportRow[], number, number]>>;
function forms(spec: Spec) {
  const f = emptyForms();
  for (const [k, [rows, dm, dme]] of Object.entries(spec))
    f[k as ReportFormKey] = { rows, distinctMentors: dm, distinctMentees: dme };
  return f;
}

let t: Tenant;
let other: Tenant;
let orgIds: number[];
async function insertReport(
  organisationId: number,
  status: "draft" | "submitted" | "returned" | "approved",
  f1: Form1,
  spec: Spec,
  p = period,
) {
  const db = await getDb();
  await db.insert(reports).values({ organisationId, ...p, status, form1: f1, forms: forms(spec), summary });
}

beforeAll(async () => {
  t = await createTenant("cons");
  other = await createTenant("cons-other");
  const db = await getDb();
  const [draftOrg, returnedOrg] = await db
    .insert(organisations)
    .values([
      {
        municipalityId: t.municipalityId,
        fullName: "Школа № 10",
        shortName: "СОШ № 10",
        slug: `s10-${t.orgId}`,
      },
      {
        municipalityId: t.municipalityId,
        fullName: "Школа № 4",
        shortName: "СОШ № 4",
        slug: `s4-${t.orgId}`,
      },
    ])
    .returning();
  orgIds = [t.orgId, t.siblingOrgId, t.otherMunicipalityOrgId, draftOrg.id, returnedOrg.id];
  await insertReport(t.orgId, "approved", form1(300, 40, 5), {
    form2: [
      [row("Лидер", 10, 10, { result: 'Проект «Мы вместе»; "лучшая практика"' }), row("Олимпиада", 3, 5)],
      12,
      14,
    ],
    form3: [[row("Время работать вместе", 4, 4, { youngTeachers: 3, withRoute: 2 })], 4, 4],
  });
  await insertReport(t.siblingOrgId, "submitted", form1(200, 30, 3), {
    form2: [[row("Ровесник", 2, 6)], 2, 6],
    form3: [[row("Старт", 1, 2, { youngTeachers: 2, withRoute: 1 })], 1, 2],
  });
  await insertReport(t.otherMunicipalityOrgId, "approved", form1(100, 20, 2), {
    form3: [[row("Школа молодого педагога", 2, 3, { youngTeachers: 3, withRoute: 3 })], 2, 3],
    form5: [[row("Шаг в профессию", 3, 3, { mentorDetails: "Маркетолог; менеджер по продажам" })], 3, 3],
  });
  await insertReport(draftOrg.id, "draft", form1(1, 1, 0), { form2: [[row("Черновик", 50, 50)], 50, 50] });
  await insertReport(returnedOrg.id, "returned", form1(1, 1, 0), {
    form2: [[row("Возвращён", 40, 40)], 40, 40],
  });
  await insertReport(
    t.orgId,
    "approved",
    form1(1, 1, 0),
    { form2: [[row("Прошлый год", 7, 7)], 7, 7] },
    { year: 2024, quarter: 4 },
  );
  await insertReport(other.orgId, "approved", form1(1, 1, 0), { form2: [[row("Чужой регион", 9, 9)], 9, 9] });
});

const load = async (user: SessionUser, includeSubmitted = false, municipalityId: number | null = null) =>
  loadConsolidated(await consolidatedScope(user, municipalityId), { period, includeSubmitted });

/** The expected totals straight from the stored reports: sums of rows and of the organisations' distinct totals. */
async function expected(statuses: ("approved" | "submitted")[], ids = orgIds) {
  const db = await getDb();
  const stored = await db
    .select()
    .from(reports)
    .where(
      and(
        inArray(reports.organisationId, ids),
        eq(reports.year, period.year),
        eq(reports.quarter, period.quarter),
        inArray(reports.status, statuses),
      ),
    );
  return Object.fromEntries(
    FORM_KEYS.map((k) => [
      k,
      stored.reduce(
        (s, r) => {
          const sums = rowSums(r.forms[k]);
          return {
            mentors: s.mentors + sums.mentors,
            mentees: s.mentees + sums.mentees,
            dm: s.dm + r.forms[k].distinctMentors,
            dme: s.dme + r.forms[k].distinctMentees,
          };
        },
        { mentors: 0, mentees: 0, dm: 0, dme: 0 },
      ),
    ]),
  ) as Record<ReportFormKey, { mentors: number; mentees: number; dm: number; dme: number }>;
}

describe("consolidated forms: assembly on the stored reports", () => {
  it("the region holds approved reports only, and its totals agree with them at every level", async () => {
    const { scope, reports: got } = await load(t.users.ministry);
    expect(scope.territory).toMatch(/^Тестовая область/);
    expect(got.map((r) => r.organisation)).toEqual(["СОШ № 1", "СОШ № 3"]);
    const want = await expected(["approved"]);
    for (const k of FORM_KEYS) {
      const f = consolidateForm(k, got);
      expect([f.sum.mentors, f.sum.mentees, f.distinct.mentors, f.distinct.mentees]).toEqual([
        want[k].mentors,
        want[k].mentees,
        want[k].dm,
        want[k].dme,
      ]);
    }
    const f2 = consolidateForm("form2", got);
    const [a, b] = f2.municipalities;
    expect(a.organisations[0]).toMatchObject({
      organisation: "СОШ № 1",
      sum: { mentors: 13, mentees: 15 },
      distinct: { mentors: 12, mentees: 14 },
    });
    expect(a).toMatchObject({ sum: { mentors: 13, mentees: 15 }, distinct: { mentors: 12, mentees: 14 } });
    expect(b.organisations).toMatchObject([{ organisation: "СОШ № 3", rows: [], sum: { mentors: 0 } }]);
    const f3 = consolidateForm("form3", got);
    expect(f3.sum).toEqual({ mentors: 6, mentees: 7, youngTeachers: 6, withRoute: 5 });
    expect(consolidateForm1(got).totals).toEqual({
      organisations: 2,
      learners10to18: 400,
      teachingStaff: 60,
      youngTeachers: 7,
    });
  });

  it("submitted reports come in only with the switch, marked; drafts and returned ones never", async () => {
    const { reports: got } = await load(t.users.admin, true);
    expect(got.map((r) => [r.organisation, r.status])).toEqual([
      ["СОШ № 1", "approved"],
      ["СОШ № 2", "submitted"],
      ["СОШ № 3", "approved"],
    ]);
    const want = await expected(["approved", "submitted"]);
    const f2 = consolidateForm("form2", got);
    expect([f2.sum.mentors, f2.sum.mentees, f2.distinct.mentors, f2.distinct.mentees]).toEqual([
      want.form2.mentors,
      want.form2.mentees,
      want.form2.dm,
      want.form2.dme,
    ]);
    expect(f2.sum).toMatchObject({ mentors: 15, mentees: 21 });
    const lines = formLayout("form2", got).lines;
    expect(lines.find((l) => l.cells[2] === "Ровесник")?.status).toBe("submitted");
    expect(lines.find((l) => l.cells[2] === "нет программ")).toMatchObject({
      kind: "empty",
      cells: [expect.any(String), "СОШ № 3", "нет программ", 0, 0, null],
    });
    expect(
      lines.some((l) =>
        ["Черновик", "Возвращён", "Прошлый год", "Чужой регион"].includes(String(l.cells[2])),
      ),
    ).toBe(false);
    expect(lines.at(-2)?.cells.slice(2, 5)).toEqual(["Всего, чел", 15, 21]);
    expect(lines.at(-1)).toMatchObject({ kind: "distinct", level: "all" });
    expect(lines.at(-1)?.cells.slice(2, 5)).toEqual([
      "из них разных людей (каждый учтён один раз в своей организации), чел",
      14,
      20,
    ]);
  });

  it("a coordinator sees the own municipality only; a chosen municipality narrows the region", async () => {
    const own = await load(t.users.coordinator, true);
    expect(own.reports.map((r) => r.organisation)).toEqual(["СОШ № 1", "СОШ № 2"]);
    expect(own.scope.choices).toEqual([]);
    const lines = formLayout("form2", own.reports).lines;
    expect(lines.some((l) => l.level === "all")).toBe(false);
    expect(lines.at(-1)?.cells.slice(2, 5)).toEqual([
      "из них разных людей (каждый учтён один раз в своей организации), чел",
      14,
      20,
    ]);
    await expect(load(t.users.coordinator, false, t.siblingMunicipalityId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await load(t.users.siblingCoordinator)).reports.map((r) => r.organisation)).toEqual(["СОШ № 3"]);
    const chosen = await load(t.users.ministry, true, t.siblingMunicipalityId);
    expect(chosen.reports.map((r) => r.organisation)).toEqual(["СОШ № 3"]);
    await expect(load(other.users.ministry, false, t.municipalityId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(load(t.users.curator)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the Omsk look names a municipality and an organisation once", async () => {
    const { reports: got } = await load(t.users.ministry);
    const cells = omskCells(formLayout("form2", got).lines);
    expect(cells.slice(0, 2).map((c) => c.slice(0, 3))).toEqual([
      [expect.stringMatching(/^Район А/), "СОШ № 1", "Лидер"],
      [null, null, "Олимпиада"],
    ]);
  });
});

async function getFile(user: SessionUser, query: Record<string, string>) {
  signInAs(user);
  const { GET } = await import("@/app/api/reports/consolidated/route");
  return GET(new Request(`http://localhost/api/reports/consolidated?${new URLSearchParams(query)}`));
}
async function exportsOf(userId: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.userId, userId), eq(auditLog.entity, "consolidated"), eq(auditLog.action, "export")),
    )
    .orderBy(auditLog.id);
}
/** A small RFC 4180 reader with «;» as separator: quoted fields may hold «;», quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ";") {
      row.push(cur);
      cur = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = "";
      i++;
    } else {
      cur += c;
    }
  }
  return rows;
}

describe("consolidated forms: downloads", () => {
  it("XLSX: a sheet per form, totals as numbers, submitted reports marked; the export is audited", async () => {
    const res = await getFile(t.users.ministry, { period: "2025-4", format: "xlsx", submitted: "1" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Форма 1",
      "Форма 2",
      "Форма 3",
      "Форма 4",
      "Форма 5",
      "Прочие формы",
    ]);
    const rowsOf = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1));
    const f2 = rowsOf("Форма 2");
    expect(String(f2[0][0])).toContain("Сводная форма 2");
    // A total's label is merged over the first three columns; the different people come under «Итого».
    const whole = f2.findIndex((r) => r[0] === "Всего, чел" && r[2] === "Всего, чел");
    expect(f2[whole]?.slice(3, 5)).toEqual([15, 21]);
    expect(f2[whole + 1]?.slice(0, 5)).toEqual([
      "из них разных людей (каждый учтён один раз в своей организации), чел",
      "из них разных людей (каждый учтён один раз в своей организации), чел",
      "из них разных людей (каждый учтён один раз в своей организации), чел",
      14,
      20,
    ]);
    expect(f2.find((r) => r[2] === "Ровесник")?.at(-1)).toBe("на проверке");
    expect(
      rowsOf("Форма 3")
        .find((r) => r[2] === "Всего, чел")
        ?.slice(3, 7),
    ).toEqual([7, 9, 8, 6]);
    expect(
      rowsOf("Форма 1")
        .find((r) => String(r[2]).startsWith("Всего"))
        ?.slice(3, 6),
    ).toEqual([600, 90, 10]);
    const [record] = await exportsOf(t.users.ministry.id);
    expect(record).toMatchObject({
      entityId: "2025-4",
      changes: { format: "xlsx", submitted: true, organisations: 3 },
    });
  });

  it("CSV: UTF-8 with BOM and «;», one form, parses back to the same numbers", async () => {
    const res = await getFile(t.users.coordinator, {
      period: "2025-4",
      format: "csv",
      form: "2",
      submitted: "1",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      "Муниципальный район",
      "Общеобразовательные организации",
      "Наименование программы наставничества",
      "Количество вовлеченных в программу: наставников, чел",
      "Количество вовлеченных в программу: наставляемых, чел",
      "Результат программы",
      "Статус отчёта",
    ]);
    const programmes = rows.slice(1).filter((r) => !/^(Итого|Всего|из них)/.test(r[2]));
    expect(programmes.map((r) => r[2])).toEqual(["Лидер", "Олимпиада", "Ровесник"]);
    expect(programmes[0][5]).toBe('Проект «Мы вместе»; "лучшая практика"');
    const total = rows.find((r) => r[2] === "Итого по муниципалитету, чел")!;
    expect(total.slice(3, 5).map(Number)).toEqual([programmes.reduce((s, r) => s + Number(r[3]), 0), 21]);
    expect(rows[rows.indexOf(total) + 1].slice(2, 5)).toEqual([
      "из них разных людей (каждый учтён один раз в своей организации), чел",
      "14",
      "20",
    ]);
    expect(rows.find((r) => r[2] === "Ровесник")!.at(-1)).toBe("на проверке");
    expect((await exportsOf(t.users.coordinator.id))[0]).toMatchObject({
      municipalityId: t.municipalityId,
      changes: { format: "csv", form: "form2" },
    });
  });

  it("refuses a curator, another municipality and another region, and audits nothing then", async () => {
    expect((await getFile(t.users.curator, { period: "2025-4", format: "xlsx" })).status).toBe(403);
    expect(
      (
        await getFile(other.users.ministry, {
          period: "2025-4",
          format: "xlsx",
          municipality: String(t.municipalityId),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await getFile(t.users.siblingCoordinator, {
          period: "2025-4",
          format: "csv",
          form: "2",
          municipality: String(t.municipalityId),
        })
      ).status,
    ).toBe(404);
    expect((await getFile(t.users.admin, { period: "2025-4", format: "csv" })).status).toBe(400);
    expect((await getFile(t.users.admin, { period: "2025-9", format: "xlsx" })).status).toBe(400);
    expect((await getFile(null as unknown as SessionUser, { period: "2025-4" })).status).toBe(401);
    for (const u of [t.users.curator, other.users.ministry, t.users.siblingCoordinator, t.users.admin])
      expect(await exportsOf(u.id)).toEqual([]);
  });
});
