/** Importing the list of organisations in the layout of form 1 (CSV and XLSX). */
import ExcelJS from "exceljs";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, municipalities, organisations } from "@/db/schema";
import { parseContacts } from "@/lib/admin/import/contacts";
import { readForm1 } from "@/lib/admin/import/form1";
import { matchMunicipality } from "@/lib/admin/import/match";
import { bombXlsx, MAX_GROWTH, measured } from "./support/big-files";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { importOrganisationsAction } = await import("@/lib/admin/directory/actions");

let t: Tenant;
let muniA: string;
let muniB: string;
beforeAll(async () => {
  t = await createTenant("adm-imp");
  const db = await getDb();
  const ms = await db.select().from(municipalities).where(eq(municipalities.regionId, t.regionId));
  muniA = ms.find((m) => m.id === t.municipalityId)!.name; // «Район А …»
  muniB = ms.find((m) => m.id === t.siblingMunicipalityId)!.name;
});

const HEADER = [
  "Муниципальный район",
  "Общеобразовательные организации",
  "Контакты: ФИО директора, тел., почта, почт. адрес",
  "Общее количество детей в ОО в возрасте от 10 до 18 лет, чел",
  "Общее количество педагогических работников в ОО, чел",
  "Общее количество учителей - молодых специалистов в ОО (с опытом работы от 0 до 3 лет), чел",
];

/** Rows as a region would send them: a title, the header, column numbers, merged municipality cells, a total. */
function sheet(tag: string, withErrors: boolean): string[][] {
  const rows = [
    ["Информация об общеобразовательных организациях-участниках внедрения ЦМН"],
    ["Форма 1"],
    HEADER,
    ["1", "2", "3", "4", "5", "6"],
    [
      muniA,
      `МБОУ «СОШ № 1 ${tag}»`,
      "Иванов Иван Иванович, тел. 8(38178)2-13-45, sosh1@example.ru, 646400, ул. Ленина, д. 5",
      "85 человек",
      "15 человек",
      "5 человек",
    ],
    ["", `МКОУ «Ивановская ООШ ${tag}»`, "", "1 200", "17", ""],
    [muniB, `МБУ ДО «ДДТ ${tag}»`, "Петрова А.Б.; +7 (3812) 55-66-77", "40", "12", "1"],
  ];
  if (withErrors)
    rows.push(
      [muniB, `МБОУ «Ошибочная СОШ ${tag}»`, "", "восемьдесят", "10", "2"],
      ["Несуществующий район", `МБОУ «СОШ Нигде ${tag}»`, "", "10", "10", "1"],
      [muniA, `МБОУ «СОШ № 1 ${tag}»`, "", "10", "10", "1"],
      [muniB, `МБОУ «Молодёжная СОШ ${tag}»`, "", "10", "3", "4"],
    );
  rows.push(["Итого, чел", "", "", "1325", "44", "6"]);
  return rows;
}

const csv = (rows: string[][]) =>
  `\uFEFF${rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";")).join("\r\n")}`;

function send(content: string | Uint8Array, mode: string, name = "forma1.csv", regionId = t.regionId) {
  const data = new FormData();
  data.append("regionId", String(regionId));
  data.append("mode", mode);
  data.append("file", new File([content as BlobPart], name));
  return importOrganisationsAction(data);
}

async function orgsNamed(tag: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId));
  return rows
    .filter((r) => r.municipalities.regionId === t.regionId && r.organisations.fullName.includes(tag))
    .map((r) => r.organisations);
}

describe("form 1 (pure)", () => {
  it("reads merged municipality cells, «85 человек», skips numbering and totals, reports each bad cell", () => {
    const table = readForm1(sheet("p", true).map((cells, i) => ({ line: i + 1, cells })));
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.headerLine).toBe(3);
    expect(table.rows).toBe(7);
    expect(table.records[1]).toMatchObject({
      line: 6,
      municipality: muniA,
      learners10to18: 1200,
      teachingStaff: 17,
      youngTeachers: 0,
    });
    expect(table.records[0]).toMatchObject({
      directorName: "Иванов Иван Иванович",
      phone: "8(38178)2-13-45",
      email: "sosh1@example.ru",
    });
    expect(table.records[2].kind).toBe("additional");
    expect(table.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 6, level: "warning", message: "Пусто: записан 0." }),
        expect.objectContaining({
          row: 8,
          level: "error",
          column: expect.stringMatching(/10 до 18/),
          message: expect.stringMatching(/не число/),
        }),
        expect.objectContaining({
          row: 11,
          level: "error",
          message: expect.stringMatching(/больше, чем педагогических/),
        }),
      ]),
    );
  });

  it("names the missing columns", () => {
    const table = readForm1([
      { line: 1, cells: ["Муниципальный район", "Общеобразовательная организация", "Контакты"] },
    ]);
    expect(table).toMatchObject({
      ok: false,
      message: expect.stringMatching(/нет столбцов: «Общее количество обучающихся/),
    });
  });

  it("matches «Саргатский» to «Саргатский муниципальный район» and splits contacts", () => {
    const list = [
      { id: 1, name: "Саргатский муниципальный район" },
      { id: 2, name: "Городской округ город Омск" },
    ];
    expect(matchMunicipality("Саргатский", list)?.id).toBe(1);
    expect(matchMunicipality("г. Омск", list)?.id).toBe(2);
    expect(matchMunicipality("Тарский", list)).toBeNull();
    expect(parseContacts("ФИО директора, тел., почта, почт. адрес")).toEqual({
      directorName: "",
      phone: "",
      email: "",
      address: "",
    });
  });
});

describe("import action", () => {
  it("checks a file with errors: every row's problem, nothing written", async () => {
    signInAs(t.users.admin);
    const r = await send(csv(sheet("chk", true)), "check");
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const p = r.data.preview;
    expect(p).toMatchObject({ rows: 7, validRows: 3, errorRows: 4, create: 3, update: 0 });
    expect(r.data.written).toBeNull();
    const errors = p.issues.filter((i) => i.level === "error");
    expect(errors.map((i) => i.row)).toEqual([8, 9, 10, 11]);
    expect(errors.find((i) => i.row === 9)).toMatchObject({
      column: "Муниципальный район",
      message: expect.stringMatching(/Муниципалитета «Несуществующий район» нет в справочнике/),
    });
    expect(errors.find((i) => i.row === 10)?.message).toBe("Эта организация уже есть в строке 5.");
    expect(await orgsNamed("chk")).toHaveLength(0);
  });

  it("writes nothing from a file with errors unless the admin chooses the valid rows", async () => {
    signInAs(t.users.admin);
    const db = await getDb();
    const whole = await send(csv(sheet("all", true)), "all");
    expect(whole.ok && whole.data.written).toBeNull();
    if (whole.ok) expect(whole.data.message).toMatch(/ничего не записано/);
    expect(await orgsNamed("all")).toHaveLength(0);

    const valid = await send(csv(sheet("all", true)), "valid");
    expect(valid.ok && valid.data.written).toEqual({ created: 3, updated: 0 });
    const created = await orgsNamed("all");
    expect(created).toHaveLength(3);
    const school = created.find((o) => o.fullName.startsWith("МБОУ"))!;
    expect(school).toMatchObject({
      municipalityId: t.municipalityId,
      learners10to18: 85,
      teachingStaff: 15,
      youngTeachers: 5,
      directorName: "Иванов Иван Иванович",
    });
    expect(school.slug).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(created.map((o) => o.slug)).size).toBe(3);
    const audits = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "import"),
          inArray(
            auditLog.organisationId,
            created.map((o) => o.id),
          ),
        ),
      );
    expect(audits).toHaveLength(3);
  });

  it("imports a clean file whole, and a second import updates instead of duplicating", async () => {
    signInAs(t.users.admin);
    const first = await send(csv(sheet("re", false)), "all");
    expect(first.ok && first.data.written).toEqual({ created: 3, updated: 0 });
    const changed = sheet("re", false);
    changed[4][3] = "90";
    const second = await send(csv(changed), "all");
    expect(second.ok && second.data.written).toEqual({ created: 0, updated: 1 });
    if (second.ok) expect(second.data.preview).toMatchObject({ update: 3, unchanged: 2 });
    const orgs = await orgsNamed("re");
    expect(orgs).toHaveLength(3);
    expect(orgs.find((o) => o.fullName.includes("СОШ № 1"))?.learners10to18).toBe(90);
  });

  it("reads XLSX with merged municipality cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Форма 1");
    for (const row of sheet("xl", false)) ws.addRow(row.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
    ws.mergeCells("A5:A6");
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    signInAs(t.users.admin);
    const r = await send(bytes, "all", "forma1.xlsx");
    expect(r.ok && r.data.written, JSON.stringify(r)).toEqual({ created: 3, updated: 0 });
  });

  it("refuses a zip bomb and a file past 5 000 rows without reading them whole", async () => {
    signInAs(t.users.admin);
    const bomb = await bombXlsx(HEADER, 400);
    const { result, growth } = await measured("form 1 zip bomb", () => send(bomb(), "check", "f.xlsx"));
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/распакованном виде/) });
    expect(growth).toBeLessThan(MAX_GROWTH);
    const rows = Array.from({ length: 5_001 }, (_, i) => [muniA, `МБОУ «СОШ № ${i}»`, "", "10", "10", "1"]);
    expect(await send(csv([HEADER, ...rows]), "all")).toMatchObject({
      ok: false,
      formError: "В файле больше 5000 строк: разделите его на несколько файлов.",
    });
    expect(await orgsNamed("СОШ № 4999")).toEqual([]);
  }, 60_000);

  it("explains an unreadable file and refuses another region", async () => {
    signInAs(t.users.admin);
    expect(await send("просто текст\nбез заголовков", "check")).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/Не найдена строка заголовков/),
    });
    expect(await send(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "check", "old.xls")).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/\.xls/),
    });
    const otherTenant = await createTenant("adm-imp-o");
    expect(await send(csv(sheet("foreign", false)), "all", "f.csv", otherTenant.regionId)).toMatchObject({
      ok: false,
      formError: "Регион не найден или недоступен.",
    });
    signInAs(t.users.coordinator);
    expect(await send(csv(sheet("coord", false)), "all")).toMatchObject({
      ok: false,
      formError: "Недостаточно прав для этого действия.",
    });
  });
});
