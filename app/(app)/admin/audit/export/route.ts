import { exportAuditCsv } from "@/lib/admin/audit/export";
import { parseAuditFilters } from "@/lib/admin/audit/filters";
import { rolesWith } from "@/lib/auth/rules";
import { authorizedRoute } from "@/lib/http/route";
import { CONTENT_TYPES } from "@/lib/tabular/cell";

/** The filtered audit log as CSV (UTF-8 with BOM, «;»); the download is itself recorded in the log. */
export const GET = authorizedRoute(
  {
    name: "admin.audit.export",
    roles: rolesWith("readAudit"),
    failure: "Не удалось выгрузить журнал из-за внутренней ошибки. Попробуйте ещё раз.",
  },
  async ({ user, url }) => {
    const { csv } = await exportAuditCsv(user, parseAuditFilters(url.searchParams));
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": CONTENT_TYPES.csv,
        "Content-Disposition": `attachment; filename="audit-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
