/** The journal's CSV: the target is the organisation the export is filtered to. */
import { get, type RouteRow } from "./http";
import { targetOrg } from "./types";

export const routes: Record<string, RouteRow> = {
  "GET /admin/audit/export": {
    allowed: ["coordinator", "admin"],
    audited: true,
    attempt: async (ctx) => {
      const { GET } = await import("@/app/(app)/admin/audit/export/route");
      return ctx.act(() => GET(get(`/admin/audit/export?org=${targetOrg(ctx)}`)));
    },
  },
};
