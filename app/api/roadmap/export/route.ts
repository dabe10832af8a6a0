import { ROLES } from "@/lib/auth/roles";
import { authorizedRoute } from "@/lib/http/route";
import { exportScope, sendRoadmap } from "@/lib/roadmap/http";

export const dynamic = "force-dynamic";

/** A roadmap as XLSX in the layout of seed 001, for whoever may read it (scope decides); audited. */
export const GET = authorizedRoute(
  {
    name: "exportRoadmap",
    roles: ROLES,
    scope: exportScope,
    failure: "Не удалось выгрузить дорожную карту из-за внутренней ошибки. Попробуйте ещё раз.",
  },
  sendRoadmap,
);
