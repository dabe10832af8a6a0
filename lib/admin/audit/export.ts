import "server-only";
import { getDb } from "@/db";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { toCsv } from "@/lib/tabular/csv";
import { filterParams, type AuditFilters } from "./filters";
import { actionLabel, entityLabel } from "./labels";
import { auditForExport } from "./queries";

const HEADER = [
  "Дата и время (МСК)",
  "Пользователь",
  "Эл. почта",
  "Действие",
  "Тип записи",
  "Запись",
  "Организация",
  "Муниципалитет",
  "Изменения",
];

/** The filtered log as CSV; the download itself is recorded in the same transaction. */
export async function exportAuditCsv(
  actor: SessionUser,
  f: AuditFilters,
): Promise<{ csv: string; rows: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await auditForExport(tx, actor, f);
    await audit(tx, {
      userId: actor.id,
      action: "export",
      entity: "audit_log",
      municipalityId: actor.role === "coordinator" ? actor.municipalityId : null,
      changes: { filters: filterParams(f), rows: rows.length },
    });
    const csv = toCsv(
      HEADER,
      rows.map((r) => [
        formatDateTime(r.at),
        r.userName ?? "система",
        r.userEmail ?? "",
        actionLabel(r.action),
        entityLabel(r.entity),
        r.entityId ?? "",
        r.organisation ?? "",
        r.municipality ?? "",
        r.changes ? JSON.stringify(r.changes) : "",
      ]),
    );
    return { csv, rows: rows.length };
  });
}
