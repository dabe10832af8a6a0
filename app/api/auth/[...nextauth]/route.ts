import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";

/**
 * Auth.js's endpoint sees the address the browser used. Next.js gives a route handler its URL with the server's
 * own host name (`localhost`), while Auth.js reads `Host` (or a trusted proxy's `X-Forwarded-Host`: the server
 * drops untrusted ones) when a sign-in starts from a server action: a regional sign-in started on
 * 127.0.0.1 or the public name must come back to the same origin, its cookies and redirect URI with it.
 * AUTH_URL, when set, is Auth.js's own fixed answer.
 */
function atRequestOrigin(request: NextRequest): NextRequest {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (!host) return request;
  const proto = (request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || request.nextUrl.protocol)
    .replace(/:$/, "")
    .toLowerCase();
  if (proto !== "http" && proto !== "https") return request;
  try {
    const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${proto}://${host}`);
    if (url.origin === request.nextUrl.origin) return request;
    return new NextRequest(url, request);
  } catch {
    return request;
  }
}

export const GET = (request: NextRequest) => handlers.GET(atRequestOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(atRequestOrigin(request));
