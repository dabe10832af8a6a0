import type { RouteRow } from "./http";

const national = "national open data: the country's aggregates of approved reports, for anyone";

export const routes: Record<string, RouteRow> = {
  "GET /open/indicators.csv": { public: national },
  "GET /open/indicators.json": { public: national },
};
