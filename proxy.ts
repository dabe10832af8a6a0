import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/config";
import { hasSessionCookie } from "@/lib/auth/session-token";
import { newNonce, pageCsp } from "@/lib/http/headers.cjs";
import { refusePagePost } from "@/lib/http/page-post";

/**
 * A coarse gate only, and cheap: a visitor of an app page without a session cookie goes to sign-in. Nothing is
 * decoded, re-encrypted or re-issued here: pages, actions and routes decode the cookie once and check the
 * session's row themselves (lib/auth/guard.ts `currentUser`), so an expired or revoked session sees nothing.
 */
function signInGate(request: NextRequest): Response | null {
  if (isPublicPath(request.nextUrl.pathname) || hasSessionCookie(request.headers.get("cookie"))) return null;
  const signIn = request.nextUrl.clone();
  signIn.pathname = "/login";
  signIn.search = "";
  signIn.searchParams.set("callbackUrl", request.nextUrl.href);
  return NextResponse.redirect(signIn);
}

/**
 * Every page passes here: a POST Next.js could not read is answered at once (lib/http/page-post.ts), the gate
 * runs where it applies, and the page gets its CSP with a fresh nonce (Next.js reads it from the request's
 * Content-Security-Policy header and puts it on its own scripts; x-nonce is there for a page's own <Script>).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const refused = await refusePagePost(request);
  if (refused) return refused;
  const gate = signInGate(request);
  if (gate) return gate;
  // API routes need no nonce.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Embeds (cached HTML with their own CSP), Auth.js, the public API and file downloads never pass the proxy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth|api/public|api/files|embed).*)"],
};
