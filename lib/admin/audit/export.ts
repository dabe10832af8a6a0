import "server-only";
import { getDb } from "@/db";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { timeZoneShort } from "@/lib/clock";
import { formatDateTime } from "@/lib/format";
import { toCsv } from "@/lib/tabular/csv";
import { userClock } from "@/lib/territory/clock";
import { filterParams, type AuditFilters } from "./filters";
import { describeAudit } from "./describe";
import { entityLabel } from "./labels";
import { auditForExport } from "./queries";

const header = (zone: string) => [
  `Дата и время (${timeZoneShort(zone)})`,
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
  const { zone } = await userClock(actor);
  return db.transaction(async (tx) => {
    const rows = await auditForExport(tx, actor, f, zone);
    await audit(tx, {
      userId: actor.id,
      action: "export",
      entity: "audit_log",
      municipalityId: actor.role === "coordinator" ? actor.municipalityId : null,
      changes: { filters: filterParams(f), rows: rows.length },
    });
    const csv = toCsv(
      header(zone),
      rows.map((r) => {
        const d = describeAudit(r, zone);
        return [
          formatDateTime(r.at, zone),
          r.userName ?? "система",
          r.userEmail ?? "",
          d.action,
          entityLabel(r.entity),
          d.subject,
          r.organisation ?? "",
          r.municipality ?? "",
          d.changes.join("; "),
        ];
      }),
    );
    return { csv, rows: rows.length };
  });
}
