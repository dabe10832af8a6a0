import "server-only";
import { z } from "zod";
import { scopeOrg } from "@/lib/auth/scoped";
import { jsonError, type RouteContext } from "@/lib/http/route";
import { MAX_ID } from "@/lib/validation";
import { runImport } from "./service";
import { IMPORT_RUNNING, refused, takeImportSlot } from "./slots";
import { REGISTER_KINDS, type ImportEvent } from "./types";

/** Under the proxy's 10 MB body limit with room for the multipart envelope; 10 000 rows take about 1 MB. */
export const MAX_FILE_BYTES = 9 * 1024 * 1024;
/** The file and the form's other fields. */
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;
const TOO_LARGE = "Файл больше 9 МБ: разделите его на несколько файлов.";

const fields = z.object({
  kind: z.enum(REGISTER_KINDS, { message: "Выберите реестр: база наставников или база наставляемых." }),
  org: z.coerce.number().int().positive().max(MAX_ID, "Запись не найдена.").optional(),
  step: z.enum(["preview", "commit"]).default("preview"),
  rows: z.enum(["all", "valid"]).default("all"),
  duplicates: z.enum(["merge", "create"]).default("merge"),
  /** «Создать новых участников и программы»: anything but "yes" is no. */
  confirmNew: z.enum(["yes", "no"]).default("no"),
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

/**
 * The multipart form, read no further than MAX_BODY_BYTES whether or not the request says its length
 * (a chunked upload does not): null when it is longer, an error when it is no form.
 */
async function boundedForm(request: Request): Promise<FormData | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) throw new Error("no body");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const type = request.headers.get("content-type") ?? "";
  return new Response(Buffer.concat(chunks), { headers: { "Content-Type": type } }).formData();
}

function safeFileName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f]/g, "").slice(0, 200) || "файл";
}

/**
 * POST /api/registry/import (multipart: file, kind, org, step, rows, duplicates, confirmNew), after authorizedRoute has
 * checked the session and the role. The organisation named in the form must be one the user may edit
 * (404 otherwise); then the answer streams NDJSON: progress, preview or result.
 */
export async function importRegister({ request, user }: RouteContext<unknown, undefined>): Promise<Response> {
  if (foreignOrigin(request)) return jsonError(403, "Запрос отклонён: он отправлен с другого сайта.");
  let form: FormData | null;
  try {
    form = await boundedForm(request);
  } catch {
    return jsonError(400, "Не удалось прочитать отправленный файл. Попробуйте ещё раз.");
  }
  if (!form) return jsonError(413, TOO_LARGE);
  const parsed = fields.safeParse(
    Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")),
  );
  if (!parsed.success) return jsonError(400, parsed.error.issues[0].message);
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return jsonError(400, "Выберите файл XLSX или CSV.");
  if (file.size > MAX_FILE_BYTES) return jsonError(413, TOO_LARGE);
  const organisationId = user.role === "curator" ? (parsed.data.org ?? user.organisationId) : parsed.data.org;
  if (!organisationId) return jsonError(400, "Не указана организация.");
  const org = await scopeOrg(user, organisationId, "edit");
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Nothing is read before the slot is taken: a refused upload costs no parsing.
  const slot = takeImportSlot(`organisation:${org.id}`, IMPORT_RUNNING);
  if (refused(slot)) {
    const response = jsonError(slot.status, slot.message);
    if (slot.status === 429) response.headers.set("Retry-After", "60");
    return response;
  }
  const { kind, step, rows, duplicates, confirmNew } = parsed.data;
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
      try {
        await runImport(
          user,
          org,
          {
            kind,
            fileName,
            bytes,
            options: { rows, duplicates, confirmNew: confirmNew === "yes" },
            commit: step === "commit",
          },
          emit,
        );
      } finally {
        slot.release();
      }
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
