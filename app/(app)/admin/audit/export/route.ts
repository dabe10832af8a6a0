import { exportAuditCsv } from "@/lib/admin/audit/export";
import { parseAuditFilters } from "@/lib/admin/audit/filters";
import { currentUser } from "@/lib/auth/guard";
import { userClock } from "@/lib/territory/clock";

/** The filtered audit log as CSV (UTF-8 with BOM, «;»); the download is itself recorded in the log. */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user)
    return new Response("Сеанс завершён. Войдите снова.", {
      status: 401,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  if (user.role !== "admin" && user.role !== "coordinator")
    return new Response("Недостаточно прав.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const f = parseAuditFilters(new URL(request.url).searchParams);
  const { csv } = await exportAuditCsv(user, f);
  const day = (await userClock(user)).today();
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
