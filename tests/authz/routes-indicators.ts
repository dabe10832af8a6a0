/** Indicator downloads (the table and a chart's data) of an organisation; every download is journalled. */
import { get, type RouteRow } from "./http";
import { targetOrg } from "./types";

const query = (org: number) => `organisation=${org}&format=csv&code=N1&kind=line`;

export const routes: Record<string, RouteRow> = {
  "GET /api/indicators/table": {
    allowed: ["curator", "coordinator", "ministry", "admin", "federal"],
    audited: true,
    attempt: async (ctx) => {
      const { GET } = await import("@/app/api/indicators/table/route");
      return ctx.act(() => GET(get(`/api/indicators/table?${query(targetOrg(ctx))}`)));
    },
  },
  "GET /api/indicators/chart": {
    allowed: ["curator", "coordinator", "ministry", "admin", "federal"],
    audited: true,
    attempt: async (ctx) => {
      const { GET } = await import("@/app/api/indicators/chart/route");
      return ctx.act(() => GET(get(`/api/indicators/chart?${query(targetOrg(ctx))}`)));
    },
  },
};
