import "server-only";
import { unstable_rethrow } from "next/navigation";
import { type z } from "zod";
import { currentUser } from "@/lib/auth/guard";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import type { ActionResult } from "./result";

const GENERIC =
  "Не удалось выполнить действие из-за внутренней ошибки. Попробуйте ещё раз или сообщите администратору.";

/** Turns FormData into a plain object; repeated keys become arrays. */
export function formDataToObject(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of data.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

/** Every zod issue, keyed by field path, in the schema's own (Russian) messages. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one wrapper for server actions: session → role → zod → handler → typed result.
 * The handler checks the record's scope first; expected errors become messages, others are logged.
 */
export function authorizedAction<S extends z.ZodType, T>(
  options: { name: string; roles: readonly Role[]; schema: S },
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const user = await currentUser();
    if (!user) return { ok: false, formError: "Сеанс завершён. Войдите снова." };
    if (!options.roles.includes(user.role))
      return { ok: false, formError: "Недостаточно прав для этого действия." };
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, formError: "Проверьте выделенные поля.", fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError)
        return { ok: false, formError: error.message, fieldErrors: error.fieldErrors };
      const e = error as { name?: string; code?: string; message?: string };
      // Only the first line of the message: database error details may quote the values written.
      console.error(
        `[action ${options.name}] ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}: ${String(e.message ?? "").split("\n")[0]}`,
      );
      return { ok: false, formError: GENERIC };
    }
  };
}
