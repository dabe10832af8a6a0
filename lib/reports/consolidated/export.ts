import "server-only";
import type { AuditEntry } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { buildCsv } from "./csv";
import { formLayout } from "./layout";
import { parseParams, type ConsolidatedParams } from "./params";
import { consolidatedScope, loadConsolidated, type ConsolidatedScope } from "./queries";
import { CONSOLIDATED_KEYS, SHORT_TITLES } from "./types";
import { buildConsolidatedWorkbook } from "./xlsx";

export type ExportFormat = "xlsx" | "csv";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

const ROMAN = ["I", "II", "III", "IV"];
const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, " ").trim();

export interface ExportRequest {
  params: ConsolidatedParams;
  format: ExportFormat;
  scope: ConsolidatedScope;
}

/**
 * A download's parameters and its territory, checked: bad parameters are a DomainError (400), a municipality
 * outside the user's reach a NotFoundError (404).
 * GET /api/reports/consolidated?period=2026-4&form=2&municipality=ID&submitted=1&format=xlsx|csv
 */
export async function exportRequest(user: SessionUser, search: URLSearchParams): Promise<ExportRequest> {
  const format = search.get("format") ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") throw new DomainError("Формат: укажите xlsx или csv.");
  const parsed = parseParams((k) => search.get(k));
  if (!parsed.ok) throw new DomainError(parsed.error);
  if (format === "csv" && parsed.value.form === "all")
    throw new DomainError("Для CSV укажите одну форму: form=1…5 или other.");
  const scope = await consolidatedScope(user, parsed.value.municipalityId);
  return { params: parsed.value, format, scope };
}

/**
 * The consolidated forms as a file: XLSX holds every form (a sheet each), CSV the one form asked for; with the
 * journal record the route writes before the file leaves.
 */
export async function exportConsolidated({ params: p, format, scope }: ExportRequest) {
  const { reports } = await loadConsolidated(scope, p);
  const { year, quarter } = p.period;
  const when = `${year}, ${ROMAN[quarter - 1]} квартал`;
  let body: Uint8Array;
  let fileName: string;
  if (p.form !== "all" && format === "csv") {
    body = new TextEncoder().encode(buildCsv(formLayout(p.form, reports)));
    fileName = `Сводная ${SHORT_TITLES[p.form].toLowerCase()} — ${safe(scope.territory)} — ${when}.csv`;
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
  }
  const record: Omit<AuditEntry, "userId"> = {
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
  };
  return { body, fileName, record };
}
