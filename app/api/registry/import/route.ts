import { rolesWith } from "@/lib/auth/rules";
import { authorizedRoute } from "@/lib/http/route";
import { importRegister } from "@/lib/registry/import/http";

export const dynamic = "force-dynamic";

/** Register import: a preview, then the commit; the answer streams progress as NDJSON. */
export const POST = authorizedRoute(
  {
    name: "importRegister",
    roles: rolesWith("editOrganisation"),
    failure: "Не удалось выполнить импорт из-за внутренней ошибки. Ничего не записано. Попробуйте ещё раз.",
  },
  importRegister,
);
