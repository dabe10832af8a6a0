/**
 * Drives the real Auth.js endpoint (/api/auth/*) the way a browser does: a CSRF token first, then the
 * credentials form, the session, the sign-out. Cookies are passed by hand.
 */
import { handlers } from "@/lib/auth";

const BASE = "http://localhost:3000/api/auth";

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function csrf(): Promise<{ csrfToken: string; cookie: string }> {
  const response = await handlers.GET(new Request(`${BASE}/csrf`) as never);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiesOf(response).join("; ") };
}

async function post(action: string, form: Record<string, string>, cookie = "", headers: HeadersInit = {}) {
  const token = await csrf();
  return handlers.POST(
    new Request(`${BASE}/${action}`, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/x-www-form-urlencoded",
        cookie: [token.cookie, cookie].filter(Boolean).join("; "),
      },
      body: new URLSearchParams({ ...form, csrfToken: token.csrfToken }),
    }) as never,
  );
}

export interface SignInAnswer {
  /** The session cookie (`name=value`), when signed in. */
  cookie: string | null;
  /** The refusal code from the redirect to /login (`invalid`, `throttled-<seconds>`), when refused. */
  code: string | null;
}

/** Posts the sign-in form to the credentials endpoint, with any extra request headers. */
export async function postSignIn(email: string, password: string, headers: HeadersInit = {}) {
  const response = await post("callback/credentials", { email, password }, "", headers);
  const location = new URL(response.headers.get("location") ?? "", BASE);
  const cookie = cookiesOf(response).find((c) => c.startsWith("authjs.session-token=")) ?? null;
  return { cookie, code: location.searchParams.get("code") } satisfies SignInAnswer;
}

/** What the session endpoint answers for a cookie: the session, or null. */
export async function sessionFor(cookie: string | null): Promise<Record<string, unknown> | null> {
  if (!cookie) return null;
  const response = await handlers.GET(new Request(`${BASE}/session`, { headers: { cookie } }) as never);
  return (await response.json()) as Record<string, unknown> | null;
}

/** Posts the sign-out form with the session cookie (what the «Выйти» button does). */
export async function postSignOut(cookie: string): Promise<void> {
  await post("signout", {}, cookie);
}
