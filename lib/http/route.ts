import "server-only";
import { getDb } from "@/db";
import { logUnexpected } from "@/lib/actions/wrapper";
import { audit, type AuditEntry } from "@/lib/audit";
import { currentUser } from "@/lib/auth/guard";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { DomainError, FORBIDDEN, SIGNED_OUT } from "@/lib/errors";

/** A JSON refusal with a Russian message; never cached. */
export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

const STATUS: Record<string, number> = { not_found: 404, forbidden: 403, conflict: 409, signed_out: 401 };

export interface RouteContext<P, C> {
  request: Request;
  url: URL;
  user: SessionUser;
  params: P;
  /** The checked scope from the route's `scope` option. */
  scope: C;
  /** Records what the user took (an export, a download) in the journal. */
  audit: (entry: Omit<AuditEntry, "userId">) => Promise<void>;
}

/**
 * The one wrapper for signed-in route handlers, as `authorizedAction` is for actions: session → role → scope →
 * handler, with Russian JSON errors (401, 403, 404 for anything out of reach, 400 for bad input, 500 logged).
 */
export function authorizedRoute<P = Record<string, string>, C = undefined>(
  options: {
    name: string;
    roles: readonly Role[];
    scope?: (args: { request: Request; url: URL; user: SessionUser; params: P }) => Promise<C>;
    /** The message of an unexpected failure. */
    failure?: string;
  },
  handler: (ctx: RouteContext<P, C>) => Promise<Response>,
): (request: Request, context?: { params?: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const user = await currentUser();
    if (!user) return jsonError(401, SIGNED_OUT);
    if (!options.roles.includes(user.role)) return jsonError(403, FORBIDDEN);
    const url = new URL(request.url);
    try {
      const params = ((await context?.params) ?? {}) as P;
      const scope = options.scope ? await options.scope({ request, url, user, params }) : (undefined as C);
      const record = async (entry: Omit<AuditEntry, "userId">) =>
        audit(await getDb(), { ...entry, userId: user.id });
      return await handler({ request, url, user, params, scope, audit: record });
    } catch (error) {
      if (error instanceof DomainError) return jsonError(STATUS[error.code] ?? 400, error.message);
      logUnexpected(`route ${options.name}`, error);
      return jsonError(
        500,
        options.failure ?? "Не удалось выполнить запрос из-за внутренней ошибки. Попробуйте ещё раз.",
      );
    }
  };
}
