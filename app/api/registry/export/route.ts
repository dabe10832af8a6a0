import { rolesWith } from "@/lib/auth/rules";
import { authorizedRoute } from "@/lib/http/route";
import { exportScope, sendRegister } from "@/lib/registry/export/http";

export const dynamic = "force-dynamic";

/** A register as XLSX in the layout of seed 001, for whoever may read the registers; audited. */
export const GET = authorizedRoute(
  {
    name: "exportRegister",
    roles: rolesWith("readRegisters"),
    scope: exportScope,
    failure: "Не удалось выгрузить реестр из-за внутренней ошибки. Попробуйте ещё раз.",
  },
  sendRegister,
);
