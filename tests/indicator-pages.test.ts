/** Indicator pages on the real database: table, coverage, downloads, scope, targets, bars order, structure. */
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, reports, targets } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { saveTargetsAction } from "@/lib/indicators/actions";
import { loadIndicator } from "@/lib/indicators/chart-data";
import { rebuildAggregates } from "@/lib/indicators/facts";
import { loadTable } from "@/lib/indicators/page-data";
import { parseCode, yearSpan } from "@/lib/indicators/params";
import { childValues } from "@/lib/indicators/queries";
import { publishedFigures } from "@/lib/indicators/ref";
import { completenessByMunicipality } from "@/lib/indicators/completeness";
import { loadStructure } from "@/lib/indicators/structure";
import { barItems } from "@/lib/indicators/view";
import { emptyForms } from "@/lib/reports/counting";
import type { Form1, ReportForms } from "@/lib/reports/types";
import { createTenant, type Tenant } from "./support/factories";
import { targetsStamp } from "./support/periods";
import { signInAs } from "./support/session";
import { currentYear } from "@/lib/settings";

/** By default every view runs from 2021 to the current year. */
const YEARS_IN_VIEW = Array.from({ length: Math.max(2024, currentYear()) - 2020 }, (_, i) => 2021 + i);

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const Y = 2023;
const doc = (present: boolean) => ({ present, number: present ? "1" : "", date: null });
const form1 = (learners: number, docs: boolean, curator: string): Form1 => ({
  ...{ municipality: "", organisation: "", directorName: "", phone: "", email: "", address: "" },
  learners10to18: learners,
  teachingStaff: 20,
  youngTeachers: 2,
  curatorName: curator,
  documents: {
    model_introduction: doc(docs),
    regulation_approval: doc(docs),
    pairs_assignment: doc(docs),
    personalised_programme: doc(true),
  },
});
const row = { programmeId: null, title: "П", mentors: 1, mentees: 1, result: "" };
function forms(teacherRows: number, pupilRows: number): ReportForms {
  const f = emptyForms();
  f.form3 = {
    rows: Array(teacherRows).fill(row),
    distinctMentors: teacherRows,
    distinctMentees: 2 * teacherRows,
  };
  f.form2 = { rows: Array(pupilRows).fill(row), distinctMentors: pupilRows, distinctMentees: pupilRows };
  return f;
}
async function report(
  orgId: number,
  year: number,
  quarter: number,
  learners: number,
  any: number,
  extra = {},
) {
  const db = await getDb();
  await db.insert(reports).values({
    organisationId: orgId,
    year,
    quarter,
    status: "approved",
    form1: form1(learners, true, "Иванова М. П."),
    forms: forms(2, 1),
    summary: {
      ...{ learnerMentees: 0, learnerMentors: 0, teacherMentors: 0, youngTeacherMentees: 0 },
      ...{ youngTeachersWithRoute: 0, teachersAny: 0, activeProgrammes: 3, learnersAny: any },
    },
    documentsComplete: true,
    ...extra,
  });
}
const get =
  (q: Record<string, string> = {}) =>
  (k: string) =>
    q[k] ?? null;

let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  t = await createTenant("ip");
  other = await createTenant("ip-other");
  await report(t.orgId, Y, 1, 300, 10); // superseded by the later quarter
  await report(t.orgId, Y, 2, 300, 150);
  await report(t.siblingOrgId, Y, 4, 200, 40, { form1: form1(200, false, ""), forms: forms(0, 1) });
  await report(t.otherMunicipalityOrgId, Y, 1, 100, 90);
  await report(t.orgId, Y - 1, 4, 300, 30);
  await report(other.orgId, Y, 4, 100, 100);
  await rebuildAggregates(await getDb());
  signInAs(t.users.admin);
  const set = await saveTargetsAction({
    territory: "region",
    version: await targetsStamp(t.regionId),
    [`v:N1:${Y}`]: "70",
    [`v:2:${Y}`]: "10",
  });
  expect(set.ok, JSON.stringify(set)).toBe(true);
  const own = await saveTargetsAction({
    territory: String(t.municipalityId),
    version: await targetsStamp(t.regionId, t.municipalityId),
    [`v:N1:${Y}`]: "30",
  });
  expect(own.ok).toBe(true);
});

describe("the indicator table", () => {
  it("gives the region's values with coverage and plan, facts below plan marked", async () => {
    const d = await loadTable(t.users.ministry, get());
    expect(d.years).toEqual(YEARS_IN_VIEW);
    const n1 = d.rows.find((r) => r.code === "N1")!;
    const c = n1.cells.find((x) => x.year === Y)!;
    expect(c).toMatchObject({
      numerator: 280,
      denominator: 600,
      covered: 3,
      total: 3,
      plan: 70,
      below: true,
    });
    expect(c.fact).toBeCloseTo(46.67, 1);
    expect(n1.cells.find((x) => x.year === Y - 1)).toMatchObject({ covered: 1, total: 3, numerator: 30 });
    expect(n1.cells.find((x) => x.year === 2021)).toMatchObject({ fact: null, covered: 0 });
    expect(d.rows.find((r) => r.code === "2")!.cells.find((x) => x.year === Y)).toMatchObject({
      fact: 9,
      below: true,
    });
  });

  it("uses a municipality's own plan, else the region's; ?from=&to= widens the years", async () => {
    const a = await loadTable(t.users.coordinator, get({ to: "2026" }));
    expect(a.territory).toMatchObject({ level: "municipality", id: t.municipalityId });
    expect(a.years.at(-1)).toBe(2026);
    const ca = a.rows.find((r) => r.code === "N1")!.cells.find((x) => x.year === Y)!;
    expect(ca).toMatchObject({
      numerator: 190,
      denominator: 500,
      plan: 30,
      planSource: "municipality",
      below: false,
    });
    const b = await loadTable(t.users.ministry, get({ municipality: String(t.siblingMunicipalityId) }));
    const cb = b.rows.find((r) => r.code === "N1")!.cells.find((x) => x.year === Y)!;
    expect(cb).toMatchObject({
      fact: 90,
      plan: 70,
      planSource: "region",
      below: false,
      covered: 1,
      total: 1,
    });
  });

  it("keeps every viewer inside the scope: others' territories are «not found»", async () => {
    const denied: [SessionUser, Record<string, string>][] = [
      [t.users.curator, { region: "1" }],
      [t.users.curator, { organisation: String(t.siblingOrgId) }],
      [t.users.curator, { municipality: String(t.municipalityId) }],
      [t.users.coordinator, { municipality: String(t.siblingMunicipalityId) }],
      [t.users.coordinator, { region: "1" }],
      [t.users.ministry, { municipality: String(other.municipalityId) }],
    ];
    for (const [user, q] of denied)
      await expect(loadTable(user, get(q))).rejects.toBeInstanceOf(NotFoundError);
    const own = await loadTable(t.users.curator, get());
    expect(own.territory).toMatchObject({ level: "organisation", id: t.orgId });
    expect(own.rows.find((r) => r.code === "N1")!.cells.find((x) => x.year === Y)!.fact).toBe(50);
  });

  it("reads «Н1» in Cyrillic and never reverses or overextends the years", () => {
    expect(parseCode("Н1")).toBe("N1");
    expect(parseCode("8")).toBeNull();
    expect(yearSpan(get({ from: "2026", to: "2021" }), { from: 2021, to: 2024 })).toEqual({
      from: 2021,
      to: 2026,
    });
    expect(yearSpan(get({ from: "1900" }), { from: 2021, to: 2024 })).toEqual({ from: 2021, to: 2024 });
  });
});

describe("bars and drill-down", () => {
  it("sorts the municipalities descending against the target and drills into organisations", async () => {
    const regionRef = publishedFigures({
      level: "region",
      id: t.regionId,
      regionId: t.regionId,
      municipalityId: null,
    });
    const munis = barItems(await childValues(regionRef, "N1", Y), 70);
    expect(munis.map((m) => [m.id, m.below])).toEqual([
      [t.siblingMunicipalityId, false],
      [t.municipalityId, true],
    ]);
    const d = await loadIndicator(
      t.users.ministry,
      get({ municipality: String(t.municipalityId), year: String(Y) }),
      "N1",
    );
    expect(d.bars).toMatchObject({ children: "organisation", year: Y, target: 30 });
    expect(d.bars!.items.map((i) => [i.id, i.value, i.below])).toEqual([
      [t.orgId, 50, false],
      [t.siblingOrgId, 20, true],
    ]);
    expect(d.bars!.items[0].href).toContain(`organisation=${t.orgId}`);
    const region = await loadIndicator(t.users.ministry, get(), "N1");
    expect(region.year).toBe(Y);
    expect(region.bars!.items[0].href).toContain(`municipality=${t.siblingMunicipalityId}`);
  });
});

describe("structure", () => {
  it("counts programmes and participants by format, documents and curators from the latest reports", async () => {
    const region = await loadTable(t.users.ministry, get());
    const s = await loadStructure(region.territory, Y);
    expect(s).toMatchObject({ covered: 3, total: 3 });
    const teacher = s.formats.find((f) => f.key === "form3")!;
    expect(teacher).toMatchObject({ programmes: 4, participants: 12 });
    expect(teacher.programmeShare).toBeCloseTo((4 / 7) * 100);
    const byKey = Object.fromEntries(s.documents.map((d) => [d.key, d.count]));
    expect(byKey).toMatchObject({ model_introduction: 2, personalised_programme: 3, curator: 2 });
    // A municipality and an organisation read the same pre-aggregated figures.
    const muni = await loadTable(t.users.coordinator, get());
    const m = await loadStructure(muni.territory, Y);
    const org = await loadTable(t.users.curator, get());
    const o = await loadStructure(org.territory, Y);
    expect(m.covered).toBeGreaterThanOrEqual(o.covered);
    expect(o.covered).toBe(1);
    expect(m.formats.map((f) => f.programmes).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(7);
  });

  it("gives report completeness by municipality, counted in the database", async () => {
    const rows = await completenessByMunicipality(
      t.users.ministry,
      (await loadTable(t.users.ministry, get())).territory,
      {
        year: Y,
        quarter: 4,
      },
    );
    expect(rows.map((r) => r.id).sort()).toEqual([t.municipalityId, t.siblingMunicipalityId].sort());
    for (const r of rows)
      expect(r.share).toBe(r.organisations ? Math.round((r.done / r.organisations) * 100) : null);
    const own = await completenessByMunicipality(
      t.users.coordinator,
      (await loadTable(t.users.coordinator, get())).territory,
      { year: Y, quarter: 4 },
    );
    expect(own.map((r) => r.id)).toEqual([t.municipalityId]);
    expect(own[0].organisations).toBe(2);
  });
});

async function download(user: SessionUser, route: "table" | "chart", q: Record<string, string>) {
  signInAs(user);
  const { GET } = await import(`@/app/api/indicators/${route}/route`);
  return (GET as (r: Request) => Promise<Response>)(
    new Request(`http://localhost/api/indicators/${route}?${new URLSearchParams(q)}`),
  );
}
const exportsBy = async (userId: number) =>
  (await getDb())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.userId, userId), eq(auditLog.entity, "indicators"), eq(auditLog.action, "export")))
    .orderBy(auditLog.id);

describe("downloads", () => {
  it("CSV: BOM, «;», one line per indicator and year, Russian decimals; audited", async () => {
    const res = await download(t.users.ministry, "table", { format: "csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toContain("Показатель;Единица;Год;План;Факт");
    expect(lines).toHaveLength(1 + 9 * YEARS_IN_VIEW.length);
    expect(lines.find((l) => l.includes(";Н1;") && l.includes(`;${Y};`))).toContain(
      `;70;46,7;да;280;600;3;3`,
    );
    expect(lines.find((l) => l.includes(";Н1;") && l.includes(";2021;"))).toContain(";нет данных;");
    expect(await exportsBy(t.users.ministry.id)).toHaveLength(1);
  });

  it("XLSX in the layout of seed 001: №, name, plan and fact per year, numbers as numbers", async () => {
    const res = await download(t.users.coordinator, "table", { format: "xlsx" });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet("Показатели")!;
    expect(ws.getCell("A4").value).toBe("№");
    expect(ws.getCell("B4").value).toBe("Наименование показателя");
    expect(ws.getCell("C4").value).toBe("2021г.");
    expect([ws.getCell("C5").value, ws.getCell("D5").value]).toEqual(["план", "факт"]);
    const n1 = ws.getRow(6 + 7);
    expect(n1.getCell(1).value).toBe("Н1");
    expect(n1.getCell(7).value).toBe(30); // 2023 plan of the municipality
    expect(n1.getCell(8).value).toBe(38); // 190 of 500
    expect([n1.getCell(3).value, n1.getCell(4).value]).toEqual([null, "нет данных"]); // 2021: no plan, no reports
    const programmes = ws.getRow(7).getCell(8); // indicator 2, 2023: 6 programmes
    // A count plan is not borrowed from the region: the municipality has none of its own, so no mark either.
    expect([ws.getRow(7).getCell(7).value, programmes.value, programmes.numFmt]).toEqual([null, 6, "0"]);
    expect(ws.getRow(15).getCell(7).value).toBe("2 из 2");
    const [audit] = await exportsBy(t.users.coordinator.id);
    expect(audit).toMatchObject({ entityId: "table", municipalityId: t.municipalityId });
  });

  it("refuses a curator asking for the region and a coordinator asking for another municipality", async () => {
    expect((await download(t.users.curator, "table", { format: "csv", region: "1" })).status).toBe(404);
    const res = await download(t.users.coordinator, "table", {
      format: "xlsx",
      municipality: String(t.siblingMunicipalityId),
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/не найдена/);
    expect((await download(t.users.ministry, "table", { format: "pdf" })).status).toBe(400);
    signInAs(null);
    const { GET } = await import("@/app/api/indicators/table/route");
    expect((await GET(new Request("http://localhost/api/indicators/table"))).status).toBe(401);
  });

  it("a chart's data: the bars in their order with the target", async () => {
    const res = await download(t.users.admin, "chart", {
      code: "N1",
      kind: "bars",
      year: String(Y),
      format: "csv",
    });
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("Место;Муниципалитет;Факт, %;План, %;Ниже плана;Охват");
    expect(lines[1]).toMatch(/^1;Район Б .*;90;70;нет;по данным 1 из 1 организации$/);
    expect(lines[2]).toMatch(/^2;Район А .*;38;70;да;/);
    const org = await download(t.users.curator, "chart", { code: "N1", kind: "bars", format: "csv" });
    expect(org.status).toBe(400);
  });
});

describe("targets", () => {
  const plan = async (municipalityId: number | null, code: string, year: number) =>
    (await getDb())
      .select()
      .from(targets)
      .where(and(eq(targets.regionId, t.regionId), eq(targets.indicator, code), eq(targets.year, year)))
      .then((rows) => rows.filter((r) => r.municipalityId === municipalityId));

  it("saves, audits and deletes on an empty cell", async () => {
    signInAs(t.users.admin);
    expect(
      (
        await saveTargetsAction({
          territory: "region",
          version: await targetsStamp(t.regionId),
          "v:N2:2025": "72,5",
          "v:2:2025": "40",
        })
      ).ok,
    ).toBe(true);
    expect((await plan(null, "N2", 2025)).map((r) => r.value)).toEqual([72.5]);
    const db = await getDb();
    const [record] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "targets"), eq(auditLog.entityId, `region:${t.regionId}`)))
      .orderBy(auditLog.id)
      .then((r) => r.slice(-1));
    expect(record.changes).toEqual({ "N2:2025": [null, 72.5], "2:2025": [null, 40] });
    const cleared = await saveTargetsAction({
      territory: "region",
      version: await targetsStamp(t.regionId),
      "v:N2:2025": "",
    });
    expect(cleared).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await plan(null, "N2", 2025)).toEqual([]);
  });

  it("refuses invalid values with Russian messages per cell, and other regions' municipalities", async () => {
    signInAs(t.users.admin);
    const bad = await saveTargetsAction({
      territory: "region",
      version: await targetsStamp(t.regionId),
      "v:N1:2025": "150",
      "v:2:2025": "1,5",
      "v:3:2025": "abc",
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors?.["v:N1:2025"]?.[0]).toMatch(/Н1, 2025 год: введите число от 0 до 100/);
    expect(bad.fieldErrors?.["v:2:2025"]?.[0]).toMatch(/целое число не меньше 0/);
    expect(bad.fieldErrors?.["v:3:2025"]).toBeDefined();
    expect(await plan(null, "N1", 2025)).toEqual([]);
    const outside = await saveTargetsAction({
      territory: String(other.municipalityId),
      version: await targetsStamp(other.regionId, other.municipalityId),
      "v:N1:2025": "50",
    });
    expect(outside).toMatchObject({ ok: false, formError: "Муниципалитет не найден или недоступен." });
    signInAs(t.users.ministry);
    expect(
      (
        await saveTargetsAction({
          territory: "region",
          version: await targetsStamp(t.regionId),
          "v:N1:2025": "50",
        })
      ).ok,
    ).toBe(false);
  });
});

describe("plans that carry over between levels", () => {
  it("measures shares against the region's plan but never a count set for another level", async () => {
    const { effectivePlan } = await import("@/lib/indicators/plan");
    const { getDb } = await import("@/db");
    const { targets } = await import("@/db/schema");
    const { createTenant } = await import("./support/factories");
    const t = await createTenant("plan-levels");
    const db = await getDb();
    await db.insert(targets).values([
      { indicator: "2", year: 2024, regionId: t.regionId, municipalityId: null, value: 800 },
      { indicator: "N1", year: 2024, regionId: t.regionId, municipalityId: null, value: 70 },
    ]);
    const { regionId, municipalityId } = t;
    const region = await effectivePlan(
      publishedFigures({ level: "region", id: regionId, regionId, municipalityId: null }),
      [2024],
    );
    const muni = await effectivePlan(
      publishedFigures({ level: "municipality", id: municipalityId, regionId, municipalityId }),
      [2024],
    );
    const org = await effectivePlan(
      publishedFigures({ level: "organisation", id: t.orgId, regionId, municipalityId }),
      [2024],
    );
    expect(region.get("2:2024")?.value).toBe(800);
    expect(muni.get("2:2024")).toBeUndefined();
    expect(org.get("2:2024")).toBeUndefined();
    expect(muni.get("N1:2024")).toEqual({ value: 70, source: "region" });
    expect(org.get("N1:2024")).toEqual({ value: 70, source: "region" });
  });
});
