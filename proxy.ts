import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { getAuthSecret } from "@/lib/auth/secret";
import { newNonce, pageCsp } from "@/lib/http/headers.cjs";
import { refusePagePost } from "@/lib/http/page-post";

/** A coarse gate only: sends anonymous visitors of app pages to sign-in. Pages and actions check again. */
const { auth } = NextAuth({ ...authConfig, secret: getAuthSecret() });
const signInGate = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

/** Public pages and open data: no sign-in gate (Auth.js would set its cookies there), only the page's CSP. */
const UNGATED = /^\/(?:org\/|open(?:\/|$)|survey\/)/;

/**
 * Every page passes here: a POST Next.js could not read is answered at once (lib/http/page-post.ts), the gate
 * runs where it applies, and the page gets its CSP with a fresh nonce (Next.js reads it from the request's
 * Content-Security-Policy header and puts it on its own scripts; x-nonce is there for a page's own <Script>).
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const refused = await refusePagePost(request);
  if (refused) return refused;
  const { pathname } = request.nextUrl;
  const gate = UNGATED.test(pathname) ? null : await signInGate(request, event);
  // Anything but «go on» (a redirect to sign-in) is the answer; API routes need no nonce.
  if (gate && (gate.headers.get("x-middleware-next") !== "1" || pathname.startsWith("/api/"))) return gate;

  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  for (const cookie of gate?.headers.getSetCookie() ?? []) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  // Embeds (cached HTML with their own CSP), Auth.js, the public API and file downloads never pass the proxy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth|api/public|api/files|embed).*)"],
};
