import "server-only";
import { getDb } from "@/db";
import { audit } from "@/lib/audit";
import { currentUser } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/roles";
import { DomainError, NotFoundError } from "@/lib/errors";
import { contentDisposition } from "@/lib/files/disposition";
import { loadIndicator } from "./chart-data";
import { barsCsv, lineCsv, tableCsv } from "./csv";
import { displayCode } from "./definitions";
import { loadTable } from "./page-data";
import { type Get, parseCode } from "./params";
import type { Territory } from "./territory";
import { barsWorkbook, tableWorkbook } from "./xlsx";

type Format = "xlsx" | "csv";
interface File {
  body: Uint8Array;
  name: string;
  territory: Territory;
  entityId: string;
  details: Record<string, unknown>;
}

const TYPES: Record<Format, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};
const text = (s: string) => new TextEncoder().encode(s);
const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, " ").trim();

/** The indicator table of a territory as XLSX (seed 001 layout) or CSV. */
export async function tableFile(user: SessionUser, get: Get, format: Format): Promise<File> {
  const d = await loadTable(user, get);
  const base = `Показатели наставничества — ${safe(d.territory.name)} — ${d.from}–${d.to}`;
  const body =
    format === "csv"
      ? text(tableCsv(d.territory.name, d.rows))
      : new Uint8Array(
          await tableWorkbook({ territory: d.territory.name, from: d.from, to: d.to, rows: d.rows }),
        );
  return {
    body,
    name: `${base}.${format}`,
    territory: d.territory,
    entityId: "table",
    details: { from: d.from, to: d.to },
  };
}

/** A chart's data: one indicator over the years (kind=line) or across the children for a year (kind=bars). */
export async function chartFile(user: SessionUser, get: Get, format: Format): Promise<File> {
  const code = parseCode(get("code"));
  if (!code) throw new DomainError("Укажите показатель: code=1…7, N1 или N2.");
  const kind = get("kind") ?? "line";
  if (kind !== "line" && kind !== "bars") throw new DomainError("Вид данных: укажите line или bars.");
  const d = await loadIndicator(user, get, code);
  const label = `Показатель ${displayCode(code)} — ${safe(d.territory.name)}`;
  if (kind === "line") {
    const body =
      format === "csv"
        ? text(lineCsv(d.row))
        : new Uint8Array(
            await tableWorkbook({ territory: d.territory.name, from: d.from, to: d.to, rows: [d.row] }),
          );
    return {
      body,
      name: `${label} — ${d.from}–${d.to}.${format}`,
      territory: d.territory,
      entityId: code,
      details: { kind, from: d.from, to: d.to },
    };
  }
  if (!d.bars) throw new DomainError("У организации нет разбивки: выберите регион или муниципалитет.");
  const childLabel = d.bars.children === "municipality" ? "Муниципалитет" : "Организация";
  const title = `${label} — ${d.year}: ${d.bars.children === "municipality" ? "муниципалитеты" : "организации"}`;
  const body =
    format === "csv"
      ? text(barsCsv(d.row.unit, childLabel, d.bars.items, d.bars.target))
      : new Uint8Array(
          await barsWorkbook({
            title,
            unit: d.row.unit,
            childLabel,
            items: d.bars.items,
            target: d.bars.target,
          }),
        );
  return {
    body,
    name: `${title}.${format}`,
    territory: d.territory,
    entityId: code,
    details: { kind, year: d.year },
  };
}

const json = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

/** A download route: signed in, scoped like the pages (404 outside the scope), audited before the file leaves. */
export async function handleIndicatorExport(
  request: Request,
  build: (user: SessionUser, get: Get, format: Format) => Promise<File>,
): Promise<Response> {
  const user = await currentUser();
  if (!user) return json(401, "Сеанс завершён. Войдите снова.");
  const search = new URL(request.url).searchParams;
  const get: Get = (k) => search.get(k);
  const format = search.get("format") ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") return json(400, "Формат: укажите xlsx или csv.");
  try {
    const file = await build(user, get, format);
    await audit(await getDb(), {
      userId: user.id,
      action: "export",
      entity: "indicators",
      entityId: file.entityId,
      organisationId: file.territory.organisationId,
      municipalityId: file.territory.municipalityId,
      changes: { format, level: file.territory.level, territoryId: file.territory.id, ...file.details },
    });
    return new Response(file.body as BodyInit, {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": contentDisposition(file.name),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return json(404, error.message);
    if (error instanceof DomainError) return json(400, error.message);
    const e = error as { name?: string; code?: string; message?: string };
    console.error(
      `[indicators export] ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}: ${String(e.message ?? "").split("\n")[0]}`,
    );
    return json(500, "Не удалось выгрузить показатели из-за внутренней ошибки. Попробуйте ещё раз.");
  }
}
