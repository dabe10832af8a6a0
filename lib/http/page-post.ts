/**
 * POSTs to pages are server actions (with JavaScript: a `Next-Action` header; without: a multipart form with a
 * hidden `$ACTION_ID_…` field). Next.js answers a body it cannot read, or an unreadable `Origin`, with a 500; these
 * checks, run by proxy.ts before it, answer such requests with a short 4xx in Russian instead, and refuse a POST
 * sent from another site as Next.js itself would (its check compares `Origin` with `X-Forwarded-Host` or `Host`;
 * scripts/http-server.mjs keeps `X-Forwarded-*` only from TRUSTED_PROXIES).
 */

const CROSS_SITE = "Запрос отклонён: форма отправлена с другого сайта.";
const UNREADABLE = "Не удалось прочитать данные формы. Обновите страницу и отправьте форму ещё раз.";
const TOO_LARGE = "Слишком большой запрос: отправьте файл поменьше.";
/** As next.config.js lets server actions and the proxy take (25 MB): a longer body reaches Next.js cut short. */
const BODY_LIMIT = 25 * 1024 * 1024;

function refusal(status: 400 | 403 | 413, text: string): Response {
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

/** Whether the body parses as multipart form data (a server action's arguments or a form without JavaScript). */
async function readableForm(request: Request): Promise<boolean> {
  try {
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

/** Whether a non-multipart server action body (React's encoded arguments, always JSON) parses. */
async function readableReply(request: Request): Promise<boolean> {
  try {
    JSON.parse(await request.clone().text());
    return true;
  } catch {
    return false;
  }
}

/** The answer to a POST to a page that Next.js must not see (it would fail with a 500); null: let it through. */
export async function refusePagePost(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || new URL(request.url).pathname.startsWith("/api/")) return null;
  if (!sameSite(request.headers)) return refusal(403, CROSS_SITE);
  if (Number(request.headers.get("content-length")) > BODY_LIMIT) return refusal(413, TOO_LARGE);
  // As Next.js tells a multipart action from another one (case and all).
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data"))
    return (await readableForm(request)) ? null : refusal(400, UNREADABLE);
  if (request.headers.has("next-action") && !(await readableReply(request))) return refusal(400, UNREADABLE);
  return null;
}
