/** Consolidated forms of a municipality: the target is the municipality of the target organisation. */
import { get, type RouteRow } from "./http";
import { municipalityOf, targetOrg } from "./types";

export const routes: Record<string, RouteRow> = {
  "GET /api/reports/consolidated": {
    allowed: ["coordinator", "ministry", "admin", "federal"],
    audited: true,
    attempt: async (ctx) => {
      const { GET } = await import("@/app/api/reports/consolidated/route");
      const municipality = await municipalityOf(targetOrg(ctx));
      const url = `/api/reports/consolidated?period=2024-4&form=1&format=csv&municipality=${municipality}`;
      return ctx.act(() => GET(get(url)));
    },
  },
};
