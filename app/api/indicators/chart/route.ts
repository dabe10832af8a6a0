import { rolesWith } from "@/lib/auth/rules";
import { chartFile, indicatorDownload, indicatorTerritory } from "@/lib/indicators/export";
import { authorizedRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/indicators/chart?code=N1&kind=line|bars&year=&format=xlsx|csv&municipality=ID…, or
 * kind=formats|documents|completeness (&period=2026-4) for the structure page: a chart's data, audited.
 */
export const GET = authorizedRoute(
  {
    name: "indicators.chart",
    roles: rolesWith("viewOrganisation"),
    scope: indicatorTerritory,
    failure: "Не удалось выгрузить данные графика из-за внутренней ошибки. Попробуйте ещё раз.",
  },
  indicatorDownload("indicator_chart", chartFile),
);
