import "server-only";
import { z } from "zod";
import { scopeOrg } from "@/lib/auth/scoped";
import { jsonError, type RouteContext } from "@/lib/http/route";
import { MAX_ID } from "@/lib/validation";
import { runImport } from "./service";
import { REGISTER_KINDS, type ImportEvent } from "./types";

/** Under the proxy's 10 MB body limit with room for the multipart envelope; 10 000 rows take about 1 MB. */
export const MAX_FILE_BYTES = 9 * 1024 * 1024;

const fields = z.object({
  kind: z.enum(REGISTER_KINDS, { message: "Выберите реестр: база наставников или база наставляемых." }),
  org: z.coerce.number().int().positive().max(MAX_ID, "Запись не найдена.").optional(),
  step: z.enum(["preview", "commit"]).default("preview"),
  rows: z.enum(["all", "valid"]).default("all"),
  duplicates: z.enum(["merge", "create"]).default("merge"),
});

/** A POST from a page of another site is refused: the session cookie alone does not make a request ours. */
export function foreignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

function safeFileName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f]/g, "").slice(0, 200) || "файл";
}

/**
 * POST /api/registry/import (multipart: file, kind, org, step, rows, duplicates), after authorizedRoute has
 * checked the session and the role. The organisation named in the form must be one the user may edit
 * (404 otherwise); then the answer streams NDJSON: progress, preview or result.
 */
export async function importRegister({ request, user }: RouteContext<unknown, undefined>): Promise<Response> {
  if (foreignOrigin(request)) return jsonError(403, "Запрос отклонён: он отправлен с другого сайта.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FILE_BYTES + 64 * 1024)
    return jsonError(413, "Файл больше 9 МБ: разделите его на несколько файлов.");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError(400, "Не удалось прочитать отправленный файл. Попробуйте ещё раз.");
  }
  const parsed = fields.safeParse(
    Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")),
  );
  if (!parsed.success) return jsonError(400, parsed.error.issues[0].message);
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return jsonError(400, "Выберите файл XLSX или CSV.");
  if (file.size > MAX_FILE_BYTES)
    return jsonError(413, "Файл больше 9 МБ: разделите его на несколько файлов.");
  const organisationId = user.role === "curator" ? (parsed.data.org ?? user.organisationId) : parsed.data.org;
  if (!organisationId) return jsonError(400, "Не указана организация.");
  const org = await scopeOrg(user, organisationId, "edit");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { kind, step, rows, duplicates } = parsed.data;
  const fileName = safeFileName(file instanceof File ? file.name : "");
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      // A closed page does not cancel a commit half-way: the import finishes (or rolls back) on its own.
      const emit = (event: ImportEvent) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          open = false;
        }
      };
      await runImport(
        user,
        org,
        { kind, fileName, bytes, options: { rows, duplicates }, commit: step === "commit" },
        emit,
      );
      try {
        controller.close();
      } catch {
        // The browser has gone; nothing to close.
      }
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      // no-transform keeps compression from holding the progress lines back.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
