import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeOrg, type RegisterOrg } from "@/lib/auth/scoped";
import { DomainError } from "@/lib/errors";
import { jsonError, type RouteContext } from "@/lib/http/route";
import { REGISTER_KINDS, type RegisterKind } from "@/lib/registry/import/types";
import { exportRegister } from "./service";

/** `?org=` names the organisation (a curator's own by default), which the user must be able to read. */
export function exportScope({ url, user }: { url: URL; user: SessionUser }): Promise<RegisterOrg> {
  const org = url.searchParams.get("org");
  const id = org ? Number(org) : user.role === "curator" ? user.organisationId : null;
  if (id == null) throw new DomainError("Не указана организация.");
  return scopeOrg(user, id, "registers");
}

/** GET /api/registry/export?kind=mentors|mentees&org=ID → the register as XLSX, handed out once audited. */
export async function sendRegister(ctx: RouteContext<unknown, RegisterOrg>): Promise<Response> {
  const kind = ctx.url.searchParams.get("kind") as RegisterKind;
  if (!REGISTER_KINDS.includes(kind)) return jsonError(400, "Укажите реестр: kind=mentors или kind=mentees.");
  const org = ctx.scope;
  const { buffer, fileName, rows } = await exportRegister(org, kind);
  // If the record cannot be written, the file is not given out.
  await ctx.audit({
    action: "export",
    entity: "register",
    entityId: org.id,
    organisationId: org.id,
    municipalityId: org.municipalityId,
    changes: { kind, rows, format: "xlsx" },
  });
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="register-${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
