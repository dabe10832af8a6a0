import { currentUser } from "@/lib/auth/guard";
import { ROLES, type SessionUser } from "@/lib/auth/roles";
import { contentDisposition } from "@/lib/files/disposition";
import { fileForDownload } from "@/lib/files/store";
import { authorizedRoute } from "@/lib/http/route";

type Params = { id: string };

/**
 * The file, or the same 404 for anything the caller may not see or that does not exist — to a visitor and to
 * the ministry too: a 401 or 403 would tell them that a file which is not public exists.
 */
async function download(user: SessionUser | null, raw: string): Promise<Response> {
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const file = id > 0 ? await fileForDownload(user, id) : null;
  if (!file) {
    return Response.json(
      { error: "Файл не найден или недоступен." },
      { status: 404, headers: { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } },
    );
  }
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(file.data.length),
      "Content-Disposition": contentDisposition(
        file.name,
        file.mime === "application/pdf" ? "inline" : "attachment",
      ),
      "X-Content-Type-Options": "nosniff",
      // A public document may sit in a shared cache for a few minutes; anything else never.
      "Cache-Control": file.published ? "public, max-age=300" : "private, no-store",
    },
  });
}

/** Signed in: the organisation's register readers get every file, anyone else its public documents. */
const signedIn = authorizedRoute<Params>({ name: "downloadFile", roles: ROLES }, (ctx) =>
  download(ctx.user, ctx.params.id),
);

/** Downloads an uploaded file. A visitor who is not signed in gets public documents in force only. */
export async function GET(request: Request, context: { params: Promise<Params> }) {
  if (await currentUser()) return signedIn(request, context);
  return download(null, (await context.params).id);
}
