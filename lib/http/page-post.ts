/**
 * POSTs to pages are server actions (with JavaScript: a `Next-Action` header; without: a multipart form with a
 * hidden `$ACTION_ID_…` field). A POST sent from another site is refused here, in Russian, as Next.js itself
 * would refuse it (its check compares `Origin` with `X-Forwarded-Host` or `Host`, and answers an unreadable
 * `Origin` with a 500; scripts/http-server.mjs keeps `X-Forwarded-*` only from TRUSTED_PROXIES). Bodies that
 * cannot be read or are too large never get this far: the server refuses them first (scripts/request-guard.mjs).
 */

const CROSS_SITE = "Запрос отклонён: форма отправлена с другого сайта.";

function refusal(status: 403, text: string): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The host part of an Origin header ("null" stays "null"); undefined when it is not an origin at all. */
function originHost(origin: string): string | undefined {
  if (origin === "null") return "null";
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}

/** Whether the request comes from a page of this site: its Origin names the host it was sent to. */
function sameSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true; // no Origin: not a browser's cross-site request (Next.js lets it through too)
  const host = originHost(origin);
  if (!host) return false;
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return host === forwarded || host === headers.get("host");
}

/** The answer to a POST to a page sent from another site; null: let it through. */
export async function refusePagePost(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || new URL(request.url).pathname.startsWith("/api/")) return null;
  if (!sameSite(request.headers)) return refusal(403, CROSS_SITE);
  return null;
}
