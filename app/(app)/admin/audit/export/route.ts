import { exportAuditCsv } from "@/lib/admin/audit/export";
import { parseAuditFilters } from "@/lib/admin/audit/filters";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { authorizedRoute } from "@/lib/http/route";
import { CONTENT_TYPES } from "@/lib/tabular/cell";
import { userClock } from "@/lib/territory/clock";

/** The filtered audit log as CSV (UTF-8 with BOM, «;»); the download is itself recorded in the log. */
export const GET = authorizedRoute(
  {
    name: "admin.audit.export",
    roles: rolesWith("readAudit"),
    failure: "Не удалось выгрузить журнал из-за внутренней ошибки. Попробуйте ещё раз.",
    // An organisation named in the filter must be within the reader's reach, or the answer is «not found».
    scope: async ({ user, url }) => {
      const filters = parseAuditFilters(url.searchParams);
      if (filters.organisationId) await scopeOrg(user, filters.organisationId, "view");
      return filters;
    },
  },
  async ({ user, scope: filters }) => {
    const { csv } = await exportAuditCsv(user, filters);
    const day = (await userClock(user)).today();
    return new Response(csv, {
      headers: {
        "Content-Type": CONTENT_TYPES.csv,
        "Content-Disposition": `attachment; filename="audit-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
