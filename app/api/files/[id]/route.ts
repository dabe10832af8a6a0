import { currentUser } from "@/lib/auth/guard";
import { contentDisposition } from "@/lib/files/disposition";
import { fileForDownload } from "@/lib/files/store";

/** Downloads an uploaded file. Anything the caller may not see, or that does not exist, is the same 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const file = id > 0 ? await fileForDownload(await currentUser(), id) : null;
  if (!file) {
    return new Response("Файл не найден.", {
      status: 404,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
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
