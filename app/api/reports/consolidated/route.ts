import { contentDisposition } from "@/lib/files/disposition";
import { authorizedRoute } from "@/lib/http/route";
import { CONTENT_TYPES, exportConsolidated, exportRequest } from "@/lib/reports/consolidated/export";
import { CONSOLIDATED_ROLES } from "@/lib/reports/consolidated/queries";

export const dynamic = "force-dynamic";

/** Consolidated forms 1–5 of a municipality or the region as XLSX or CSV; audited before the file leaves. */
export const GET = authorizedRoute(
  {
    name: "consolidatedExport",
    roles: CONSOLIDATED_ROLES,
    scope: ({ url, user }) => exportRequest(user, url.searchParams),
    failure: "Не удалось выгрузить сводные формы из-за внутренней ошибки. Попробуйте ещё раз.",
  },
  async (ctx) => {
    const file = await exportConsolidated(ctx.scope);
    await ctx.audit(file.record);
    return new Response(file.body as BodyInit, {
      headers: {
        "Content-Type": CONTENT_TYPES[ctx.scope.format],
        "Content-Disposition": contentDisposition(file.fileName),
        "Cache-Control": "no-store",
      },
    });
  },
);
