import "server-only";
import { getDb } from "@/db";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/guard";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { buildCsv } from "./csv";
import { formLayout } from "./layout";
import { parseParams, type ConsolidatedParams } from "./params";
import { loadConsolidated } from "./queries";
import { CONSOLIDATED_KEYS, FORM_PARAMS, SHORT_TITLES } from "./types";
import { buildConsolidatedWorkbook } from "./xlsx";

export type ExportFormat = "xlsx" | "csv";

const ROMAN = ["I", "II", "III", "IV"];
const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, " ").trim();

/**
 * The consolidated forms as a file: XLSX holds every form (a sheet each), CSV the one form asked for.
 * The file is handed out only once its audit record is written.
 */
export async function exportConsolidated(user: SessionUser, p: ConsolidatedParams, format: ExportFormat) {
  const { scope, reports } = await loadConsolidated(user, p);
  const { year, quarter } = p.period;
  const when = `${year}, ${ROMAN[quarter - 1]} квартал`;
  let body: Uint8Array;
  let fileName: string;
  let asciiName: string;
  if (format === "csv") {
    if (p.form === "all") throw new DomainError("Для CSV укажите одну форму: form=1…5 или other.");
    body = new TextEncoder().encode(buildCsv(formLayout(p.form, reports)));
    fileName = `Сводная ${SHORT_TITLES[p.form].toLowerCase()} — ${safe(scope.territory)} — ${when}.csv`;
    asciiName = `consolidated-form${FORM_PARAMS[p.form]}-${year}-${quarter}.csv`;
  } else {
    const layouts = CONSOLIDATED_KEYS.map((k) => formLayout(k, reports));
    body = new Uint8Array(
      await buildConsolidatedWorkbook({
        layouts,
        period: p.period,
        territory: scope.territory,
        includeSubmitted: p.includeSubmitted,
      }),
    );
    fileName = `Сводные формы 1–5 — ${safe(scope.territory)} — ${when}.xlsx`;
    asciiName = `consolidated-${year}-${quarter}.xlsx`;
  }
  await audit(await getDb(), {
    userId: user.id,
    action: "export",
    entity: "consolidated",
    entityId: `${year}-${quarter}`,
    municipalityId: scope.municipalityId,
    changes: {
      format,
      form: format === "csv" ? p.form : "all",
      period: `${year}-${quarter}`,
      submitted: p.includeSubmitted,
      organisations: reports.length,
    },
  });
  return { body, fileName, asciiName };
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

const json = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

/** GET /api/reports/consolidated?period=2026-4&form=2&municipality=ID&submitted=1&format=xlsx|csv */
export async function handleConsolidatedExport(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return json(401, "Сеанс завершён. Войдите снова.");
  if (user.role === "curator") return json(403, "Сводные формы доступны координатору и министерству.");
  const search = new URL(request.url).searchParams;
  const format = search.get("format") ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") return json(400, "Формат: укажите xlsx или csv.");
  const parsed = parseParams((k) => search.get(k));
  if (!parsed.ok) return json(400, parsed.error);
  try {
    const file = await exportConsolidated(user, parsed.value, format);
    return new Response(file.body as BodyInit, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return json(403, error.message);
    if (error instanceof NotFoundError) return json(404, error.message);
    if (error instanceof DomainError) return json(400, error.message);
    const e = error as { name?: string; code?: string; message?: string };
    console.error(
      `[consolidated] ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}: ${String(e.message ?? "").split("\n")[0]}`,
    );
    return json(500, "Не удалось выгрузить сводные формы из-за внутренней ошибки. Попробуйте ещё раз.");
  }
}
