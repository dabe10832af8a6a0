/**
 * What `cookies()` from next/headers gives a page, made from a Cookie header: for tests that mock next/headers
 * so that the real guard (lib/auth/guard.ts) decodes the session cookie itself.
 *   vi.mock("next/headers", async () => (await import("./support/cookie-jar")).mockHeaders(() => jar.cookie));
 */
import { encode } from "next-auth/jwt";

export function cookieJar(header: string | null | undefined) {
  const values = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) values.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return {
    get: (name: string) => (values.has(name) ? { name, value: values.get(name)! } : undefined),
    getAll: () => [...values].map(([name, value]) => ({ name, value })),
    has: (name: string) => values.has(name),
  };
}

/** A next/headers module whose cookies() reads the Cookie header `header()` returns at the time of the call. */
export function mockHeaders(header: () => string | null | undefined | Promise<string | null | undefined>) {
  return {
    cookies: async () => cookieJar(await header()),
    headers: async () => new Headers(),
  };
}

/** A session cookie as Auth.js issues it, with these claims (uid, sv, sid, …). */
export async function sessionCookieFor(claims: Record<string, unknown>, maxAge = 3600): Promise<string> {
  const token = await encode({
    token: claims,
    secret: process.env.AUTH_SECRET!,
    salt: "authjs.session-token",
    maxAge,
  });
  return `authjs.session-token=${token}`;
}
