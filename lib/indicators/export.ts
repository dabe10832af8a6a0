import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { contentDisposition } from "@/lib/files/disposition";
import type { RouteContext } from "@/lib/http/route";
import { CONTENT_TYPES, type TabularFormat } from "@/lib/tabular/cell";
import { toCsv } from "@/lib/tabular/csv";
import { listWorkbook } from "@/lib/tabular/xlsx";
import { indicatorFor } from "./chart-data";
import { barsCsv, lineCsv, tableCsv } from "./csv";
import { displayCode } from "./definitions";
import { tableFor } from "./page-data";
import { type Get, parseCode, territoryRequest } from "./params";
import { isStructureKind, structureTable } from "./structure-export";
import { resolveTerritory, type Territory } from "./territory";
import { barsWorkbook, tableWorkbook } from "./xlsx";

/** A file for download with what its audit record says about it. */
export interface IndicatorFile {
  body: Uint8Array;
  name: string;
  entityId: string;
  details: Record<string, unknown>;
}
type Build = (user: SessionUser, t: Territory, get: Get, format: TabularFormat) => Promise<IndicatorFile>;

const text = (s: string) => new TextEncoder().encode(s);
const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, " ").trim();

/** The indicator table of a territory as XLSX (seed 001 layout) or CSV. */
export const tableFile: Build = async (_user, t, get, format) => {
  const d = await tableFor(t, get);
  const base = `Показатели наставничества — ${safe(t.name)} — ${d.from}–${d.to}`;
  const body =
    format === "csv"
      ? text(tableCsv(t.name, d.rows))
      : new Uint8Array(await tableWorkbook({ territory: t.name, from: d.from, to: d.to, rows: d.rows }));
  return { body, name: `${base}.${format}`, entityId: "table", details: { from: d.from, to: d.to } };
};

/**
 * A chart's data: one indicator over the years (kind=line) or across the children for a year (kind=bars), or
 * a chart of the structure page (kind=formats|documents|completeness).
 */
export const chartFile: Build = async (user, t, get, format) => {
  const kind = get("kind") ?? "line";
  if (isStructureKind(kind)) {
    const c = await structureTable(user, t, get, kind);
    const body =
      format === "csv"
        ? text(toCsv(c.header, c.rows))
        : new Uint8Array(await listWorkbook({ ...c, sheet: "Данные графика" }));
    return { body, name: `${safe(c.title)}.${format}`, entityId: kind, details: c.details };
  }
  if (kind !== "line" && kind !== "bars")
    throw new DomainError("Вид данных: укажите line, bars, formats, documents или completeness.");
  const code = parseCode(get("code"));
  if (!code) throw new DomainError("Укажите показатель: code=1…7, N1 или N2.");
  const d = await indicatorFor(t, get, code);
  const label = `Показатель ${displayCode(code)} — ${safe(t.name)}`;
  if (kind === "line") {
    const body =
      format === "csv"
        ? text(lineCsv(d.row))
        : new Uint8Array(await tableWorkbook({ territory: t.name, from: d.from, to: d.to, rows: [d.row] }));
    const name = `${label} — ${d.from}–${d.to}.${format}`;
    return { body, name, entityId: code, details: { kind, from: d.from, to: d.to } };
  }
  if (!d.bars) throw new DomainError("У организации нет разбивки: выберите регион или муниципалитет.");
  const { children, items, target } = d.bars;
  const childLabel = { region: "Регион", municipality: "Муниципалитет", organisation: "Организация" }[
    children
  ];
  const whose = { region: "регионы", municipality: "муниципалитеты", organisation: "организации" }[children];
  const title = `${label} — ${d.year}: ${whose}`;
  const body =
    format === "csv"
      ? text(barsCsv(d.row.unit, childLabel, items, target))
      : new Uint8Array(await barsWorkbook({ title, unit: d.row.unit, childLabel, items, target }));
  return { body, name: `${title}.${format}`, entityId: code, details: { kind, year: d.year } };
};

/** The territory a download asks for, checked against the viewer as the pages check it (404 outside). */
export function indicatorTerritory({ url, user }: { url: URL; user: SessionUser }): Promise<Territory> {
  return resolveTerritory(
    user,
    territoryRequest((k) => url.searchParams.get(k)),
  );
}

/** The handler of a download route: the file is handed out only once its audit record is written. */
export function indicatorDownload(entity: string, build: Build) {
  return async (ctx: RouteContext<Record<string, string>, Territory>): Promise<Response> => {
    const format = ctx.url.searchParams.get("format") ?? "xlsx";
    if (format !== "xlsx" && format !== "csv") throw new DomainError("Формат: укажите xlsx или csv.");
    const t = ctx.scope;
    const file = await build(ctx.user, t, (k) => ctx.url.searchParams.get(k), format);
    await ctx.audit({
      action: "export",
      entity,
      entityId: file.entityId,
      organisationId: t.organisationId,
      municipalityId: t.municipalityId,
      changes: { format, level: t.level, territoryId: t.id, ...file.details },
    });
    return new Response(file.body as BodyInit, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": contentDisposition(file.name),
        "Cache-Control": "no-store",
      },
    });
  };
}
