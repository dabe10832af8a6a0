/** The one tabular module: CSV and XLSX written with the formula guard and read back; the chart data route. */
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, organisations } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { barsWorkbook } from "@/lib/indicators/xlsx";
import { buildWorkbook } from "@/lib/registry/export/workbook";
import { readCsv, toCsv } from "@/lib/tabular/csv";
import { DAMAGED_XLSX, uploadSheets } from "@/lib/tabular/upload";
import { listWorkbook, readXlsx, TOO_LARGE_UNPACKED, xlsxSheets } from "@/lib/tabular/xlsx";
import { ZipDamaged, zipBudget, zipEntries, zipText, ZipTooLarge } from "@/lib/tabular/zip";
import { bombXlsx, registerXlsx } from "./support/big-files";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const FORMULA = '=HYPERLINK("http://evil.example","Отчёт")';
const RISKY = [FORMULA, "+7 900 000-00-00", "-1", "@SUM(A1)", "\tтаб", "\rвозврат"];

async function rawCells(bytes: Uint8Array | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.worksheets[0];
  const cells: ExcelJS.Cell[] = [];
  ws.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
}

describe("CSV", () => {
  it("is UTF-8 with BOM and «;», quotes fields and defuses formulas", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x;y", '=HYPERLINK("z")'],
          [null, 5],
        ],
      ),
    ).toBe('\uFEFFa;b\r\n"x;y";"\'=HYPERLINK(""z"")"\r\n;5\r\n');
  });

  it("guards every text a spreadsheet would run, but not numbers or text with a sign inside", () => {
    const lines = toCsv(["Значение"], [...RISKY.map((v) => [v]), [-1.5], ["а-б"]]).split("\r\n");
    expect(lines.slice(1, 5)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""Отчёт"")"`,
      "'+7 900 000-00-00",
      "'-1",
      "'@SUM(A1)",
    ]);
    expect(lines[5]).toBe("'\tтаб");
    expect(lines[6]).toBe(`"'\rвозврат"`);
    expect(lines.slice(7, 9)).toEqual(["-1,5", "а-б"]);
  });

  it("reads back what it wrote: the same text, the guard undone", () => {
    const rows = [...RISKY.map((v) => [v, "после"]), ["много\nстрок", 'с "кавычками"; и точкой с запятой']];
    const read = readCsv(new TextEncoder().encode(toCsv(["Текст", "Ещё"], rows)));
    expect(read.rows.map((r) => r.cells)).toEqual([["Текст", "Ещё"], ...rows]);
  });
});

describe("XLSX", () => {
  it("stores formula-like text as guarded text, never as a formula, and reads it back unchanged", async () => {
    // XML turns a carriage return into a line feed, which no spreadsheet runs: CSV covers it above.
    const risky = RISKY.filter((v) => !v.startsWith("\r"));
    const bytes = await listWorkbook({
      sheet: "Лист",
      title: "Заголовок",
      header: ["Текст", "Число"],
      rows: risky.map((v, i) => [v, i]),
      widths: [20, 10],
    });
    const cells = await rawCells(bytes);
    const texts = cells.filter((c) => Number(c.col) === 1).map((c) => c.value);
    expect(texts.slice(2)).toEqual(risky.map((v) => `'${v}`));
    expect(cells.every((c) => c.type !== ExcelJS.ValueType.Formula)).toBe(true);
    const [sheet] = await readXlsx(new Uint8Array(bytes));
    expect(sheet.rows.slice(2).map((r) => r.cells)).toEqual(risky.map((v, i) => [v, i]));
  });

  it("guards the names in a register and in a chart's data", async () => {
    const register = await rawCells(
      await buildWorkbook("mentees", FORMULA, [[1, "-Петров Пётр", 2010, "@запрос"]]),
    );
    const values = register.map((c) => c.value);
    expect(values).toContain(`'${FORMULA}`);
    expect(values).toEqual(expect.arrayContaining(["'-Петров Пётр", "'@запрос", 2010]));
    const bars = await rawCells(
      await barsWorkbook({
        title: "Н1",
        unit: "%",
        childLabel: "Организация",
        target: 70,
        items: [{ id: 1, name: FORMULA, value: 50, below: true, covered: 1, total: 1 }],
      }),
    );
    expect(bars.map((c) => c.value)).toContain(`'${FORMULA}`);
  });
});

describe("reading uploads as streams", () => {
  const NAMES = ["Иванова Анна Сергеевна", "Щукин Ёжик Юрьевич", "Эйлер Жанна Фёдоровна"];

  it("reads XLSX in the order of its tabs: Cyrillic whole across chunks, dates, formulas, merged cells", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Скрытый", { state: "hidden" }).addRow(["не читается"]);
    const ws = wb.addWorksheet("Реестр");
    ws.addRow(["Наставник", "Наставляемый", "Дата", "Сумма"]);
    // 8 000 rows of Cyrillic: dozens of 64 KB chunks, letters split between them.
    for (let i = 0; i < 8_000; i++) {
      const row = ws.addRow([
        NAMES[i % 3] + " " + i,
        NAMES[(i + 1) % 3],
        new Date(Date.UTC(2023, 8, 1 + (i % 20))),
        { formula: "1+1", result: 2 },
      ]);
      row.getCell(3).numFmt = "dd.mm.yyyy";
    }
    // A mentor merged over the rows of three mentees; row 4 holds nothing but the merged cell.
    ws.getCell("A2").value = "Смирнова Ольга Ивановна";
    ws.mergeCells("A2:A4");
    for (const ref of ["B4", "C4", "D4"]) ws.getCell(ref).value = null;
    ws.addRow(['\'=HYPERLINK("x")']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheets = await readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(["Реестр"]);
    const [sheet] = sheets;
    expect(sheet.more).toBe(false);
    expect(sheet.rows).toHaveLength(8_002);
    expect(sheet.rows[1]).toEqual({
      line: 2,
      cells: ["Смирнова Ольга Ивановна", NAMES[1], new Date(Date.UTC(2023, 8, 1)), 2],
    });
    expect(sheet.rows[2].cells[0]).toBe("Смирнова Ольга Ивановна");
    expect(sheet.rows[3]).toEqual({ line: 4, cells: ["Смирнова Ольга Ивановна"] });
    for (const [i, row] of sheet.rows.slice(4, -1).entries())
      expect(row.cells.slice(0, 2)).toEqual([`${NAMES[(i + 3) % 3]} ${i + 3}`, NAMES[(i + 4) % 3]]);
    expect(sheet.rows.at(-1)!.cells).toEqual(['=HYPERLINK("x")']);
  });

  it("stops a sheet or a CSV at the row limit and says there was more", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`строка ${i}`]);
    const [sheet] = await readXlsx(
      await listWorkbook({ sheet: "Лист", title: "Т", header: ["Текст"], rows, widths: [10] }),
      10,
    );
    expect(sheet).toMatchObject({ more: true });
    expect(sheet.rows.map((r) => r.line)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const csv = new TextEncoder().encode(toCsv(["Текст"], [["а"], [""], ["б"], ["в"]]));
    expect(readCsv(csv, 3)).toEqual({
      rows: [
        { line: 1, cells: ["Текст"] },
        { line: 2, cells: ["а"] },
        { line: 4, cells: ["б"] },
      ],
      more: true,
    });
    expect(readCsv(csv, 4).more).toBe(false);
  });

  it("bounds what an XLSX unpacks into: the declared sizes first, then the bytes as they come", async () => {
    const header = ["ФИО наставляемого"];
    const honest = await registerXlsx(header, 40_000);
    // Under the limit it reads; with the limit below its size it is refused before anything is inflated.
    expect((await readXlsx(honest))[0].rows).toHaveLength(40_001);
    await expect(xlsxSheets(honest, { maxRows: 10, maxUnpacked: 1024 * 1024 }).next()).rejects.toThrow(
      TOO_LARGE_UNPACKED,
    );
    // A part larger than it declares is stopped where its declared size ends.
    const liar = await registerXlsx(header, 40_000, { declaredSheetSize: 100_000 });
    const entries = zipEntries(liar);
    const sheet = entries.get("xl/worksheets/sheet1.xml")!;
    expect(sheet.size).toBe(100_000);
    let read = 0;
    await expect(
      (async () => {
        for await (const chunk of zipText(liar, sheet, zipBudget(64 * 1024 * 1024))) read += chunk.length;
      })(),
    ).rejects.toBeInstanceOf(ZipDamaged);
    expect(read).toBeLessThanOrEqual(100_000);
    await expect(readXlsx(liar)).rejects.toBeInstanceOf(ZipDamaged);
    // The budget is shared by every part of the file.
    const budget = zipBudget(200_000);
    await expect(
      (async () => {
        for await (const part of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
          for await (const chunk of zipText(honest, zipEntries(honest).get(part)!, budget)) void chunk;
      })(),
    ).rejects.toBeInstanceOf(ZipTooLarge);
  });

  it("refuses what is no spreadsheet: an empty file, an old .xls, a damaged or hostile XLSX", async () => {
    const read = async (bytes: Uint8Array) => {
      try {
        for await (const sheet of uploadSheets(bytes, { maxRows: 10 })) void sheet;
        return "прочитан";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(await read(new Uint8Array())).toBe("Файл пуст.");
    expect(await read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/\.xls/);
    const zip = await listWorkbook({ sheet: "Л", title: "Т", header: ["А"], rows: [], widths: [5] });
    expect(await read(new Uint8Array(zip.subarray(0, zip.length - 100)))).toBe(DAMAGED_XLSX);
    const bomb = await bombXlsx(["ФИО"], 100);
    expect(await read(bomb())).toBe(TOO_LARGE_UNPACKED);
    expect(await read(bomb(50 * 1024 * 1024))).toBe(DAMAGED_XLSX);
  });
});

describe("the chart data route", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("tab");
    const db = await getDb();
    await db.update(organisations).set({ shortName: FORMULA }).where(eq(organisations.id, t.siblingOrgId));
  });

  async function chart(user: SessionUser | null, q: Record<string, string>) {
    signInAs(user);
    const { GET } = await import("@/app/api/indicators/chart/route");
    return GET(new Request(`http://localhost/api/indicators/chart?${new URLSearchParams(q)}`));
  }
  const records = async (userId: number) =>
    (await getDb())
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, userId), eq(auditLog.action, "export")))
      .orderBy(auditLog.id);

  it("refuses a signed-out user and another organisation's territory, recording nothing", async () => {
    expect((await chart(null, { code: "N1", format: "csv" })).status).toBe(401);
    const res = await chart(t.users.curator, {
      code: "N1",
      format: "csv",
      organisation: String(t.siblingOrgId),
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe("Территория не найдена или недоступна.");
    const coordinator = await chart(t.users.coordinator, {
      kind: "formats",
      format: "csv",
      municipality: String(t.siblingMunicipalityId),
    });
    expect(coordinator.status).toBe(404);
    expect(await records(t.users.curator.id)).toEqual([]);
    expect(await records(t.users.coordinator.id)).toEqual([]);
  });

  it("gives the bars as guarded CSV and writes one audit record", async () => {
    const res = await chart(t.users.coordinator, { code: "N1", kind: "bars", format: "csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.csv"/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Место;Организация;Факт, %;План, %;Ниже плана;Охват");
    expect(lines.find((l) => l.includes("HYPERLINK"))).toBe(
      `;"'=HYPERLINK(""http://evil.example"",""Отчёт"")";нет данных;;;по данным 0 из 1 организации`,
    );
    const [record, ...more] = await records(t.users.coordinator.id);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      entity: "indicator_chart",
      entityId: "N1",
      municipalityId: t.municipalityId,
      changes: { format: "csv", level: "municipality", territoryId: t.municipalityId, kind: "bars" },
    });
  });

  it("gives the structure page's charts as CSV and XLSX; completeness needs a territory above one school", async () => {
    const formats = await chart(t.users.ministry, { kind: "formats", format: "csv" });
    const lines = (await formats.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Форма наставничества;Доля программ, %;Программ;Участников;Доля участников, %");
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toBe("Учитель–учитель;нет данных;0;0;нет данных");
    const completeness = await chart(t.users.ministry, {
      kind: "completeness",
      period: "2025-4",
      format: "xlsx",
    });
    const [sheet] = await readXlsx(new Uint8Array(await completeness.arrayBuffer()));
    expect(String(sheet.rows[0].cells[0])).toMatch(
      /^Полнота сдачи отчётов за IV квартал 2025 г\.: Тестовая область /,
    );
    expect(sheet.rows[1].cells).toEqual([
      "Муниципалитет",
      "Полнота сдачи, %",
      "Сдано или принято",
      "Организаций",
    ]);
    expect(sheet.rows.slice(2).map((r) => [r.cells[2], r.cells[3]])).toEqual(
      expect.arrayContaining([
        [0, 2],
        [0, 1],
      ]),
    );
    expect((await records(t.users.ministry.id)).map((r) => r.changes)).toEqual([
      { format: "csv", level: "region", territoryId: t.regionId, kind: "formats", year: expect.any(Number) },
      { format: "xlsx", level: "region", territoryId: t.regionId, kind: "completeness", period: "2025-4" },
    ]);
    const own = await chart(t.users.curator, { kind: "completeness", format: "csv" });
    expect(own.status).toBe(400);
  });
});
