import { isId } from "@/lib/validation";
import "server-only";
import { currentUser } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";
import { REGISTER_KINDS, type RegisterKind } from "@/lib/registry/import/types";
import { exportRegister } from "./service";

const json = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

/** GET /api/registry/export?kind=mentors|mentees&org=ID → the register as XLSX. */
export async function handleExport(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return json(401, "Сеанс завершён. Войдите снова.");
  if (user.role === "ministry") return json(403, "Недостаточно прав для этого действия.");
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind") as RegisterKind;
  if (!REGISTER_KINDS.includes(kind)) return json(400, "Укажите реестр: kind=mentors или kind=mentees.");
  const org = params.get("org");
  const organisationId = org ? Number(org) : user.role === "curator" ? user.organisationId : null;
  if (!isId(organisationId)) return json(400, "Не указана организация.");
  try {
    const { buffer, fileName } = await exportRegister(user, organisationId, kind);
    return new Response(new Uint8Array(buffer), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="register-${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return json(404, error.message);
    const e = error as { name?: string; code?: string; message?: string };
    console.error(
      `[export] ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}: ${String(e.message ?? "").split("\n")[0]}`,
    );
    return json(500, "Не удалось выгрузить реестр из-за внутренней ошибки. Попробуйте ещё раз.");
  }
}
