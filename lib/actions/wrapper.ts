import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import "@/lib/zod-fallback";
import { currentUser } from "@/lib/auth/guard";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { CHECK_FIELDS, DomainError, FORBIDDEN, SIGNED_OUT } from "@/lib/errors";
import { acceptFormData } from "./form-data";
import type { FormAction } from "./result";

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

/** Logs an unexpected error by name, code and the first line of its message (details may quote values). */
export function logUnexpected(where: string, error: unknown) {
  const e = error as { name?: string; code?: string; message?: string };
  console.error(
    `[${where}] ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}: ${String(e.message ?? "").split("\n")[0]}`,
  );
}

/**
 * The one wrapper for server actions: session → role → zod → scope → handler → typed result.
 * `scope` resolves the record's organisation, municipality or region against the user (lib/auth/scoped) and
 * hands the handler the checked, branded value. Expected errors become messages; others are logged.
 */
export function authorizedAction<S extends z.core.$ZodType, T, C = undefined>(
  options: {
    name: string;
    roles: readonly Role[];
    schema: S;
    scope?: (input: z.output<S>, user: SessionUser) => Promise<C>;
  },
  handler: (input: z.output<S>, user: SessionUser, scope: C) => Promise<T>,
): FormAction<T> {
  // Also a form action: a form posted without JavaScript arrives as (previous state, FormData).
  return acceptFormData(options.schema, async (input: unknown) => {
    const user = await currentUser();
    if (!user) return { ok: false, code: "signed_out", formError: SIGNED_OUT };
    if (!options.roles.includes(user.role)) return { ok: false, code: "forbidden", formError: FORBIDDEN };
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = z.safeParse(options.schema, raw);
    if (!parsed.success) {
      return {
        ok: false,
        code: "invalid",
        formError: CHECK_FIELDS,
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    }
    try {
      const scope = options.scope ? await options.scope(parsed.data, user) : (undefined as C);
      return { ok: true, data: await handler(parsed.data, user, scope) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError)
        return { ok: false, code: error.code, formError: error.message, fieldErrors: error.fieldErrors };
      logUnexpected(`action ${options.name}`, error);
      return { ok: false, code: "error", formError: GENERIC };
    }
  });
}
