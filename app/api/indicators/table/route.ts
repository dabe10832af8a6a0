import { rolesWith } from "@/lib/auth/rules";
import { indicatorDownload, indicatorTerritory, tableFile } from "@/lib/indicators/export";
import { authorizedRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/indicators/table?format=xlsx|csv&from=&to=&region=1|municipality=ID|organisation=ID — audited. */
export const GET = authorizedRoute(
  {
    name: "indicators.table",
    roles: rolesWith("viewOrganisation"),
    scope: indicatorTerritory,
    failure: "Не удалось выгрузить показатели из-за внутренней ошибки. Попробуйте ещё раз.",
  },
  indicatorDownload("indicators", tableFile),
);
