import type { NextAuthConfig } from "next-auth";
import type { Role } from "./roles";

/** Paths anyone may open; everything else needs a session (checked again by every page and action). */
const PUBLIC_PREFIXES = [
  "/login",
  "/org/",
  "/embed/",
  "/open",
  "/api/auth",
  "/api/public",
  "/api/files/",
  "/set-password",
  "/survey/",
];

export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/" ||
    PUBLIC_PREFIXES.some((p) => pathname === p.replace(/\/$/, "") || pathname.startsWith(p))
  );
}

/** Keeps only the path and query of a callback URL: never an absolute URL (no open redirect). */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value) return "/home";
  try {
    const url = new URL(value, "http://local.invalid");
    const target = `${url.pathname}${url.search}`;
    return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/login")
      ? target
      : "/home";
  } catch {
    return "/home";
  }
}

/** An OAuth error answer's code and description (RFC 6749 §5.2: no tokens in them), when the error carries one. */
function oauthError(error: Error): string {
  const { error: code, error_description: description } = error as {
    error?: unknown;
    error_description?: unknown;
  };
  return typeof code === "string"
    ? ` (${code}${typeof description === "string" ? `: ${description}` : ""})`
    : "";
}

/** The database-free part of the Auth.js configuration, shared by the proxy and the server. */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  // The cookie's own lifetime; the session's row (lib/auth/sessions.ts) ends it for good, and earlier.
  session: { strategy: "jwt", maxAge: Number(process.env.SESSION_MAX_AGE_HOURS || 8) * 3600 },
  providers: [],
  logger: {
    error: (error) => {
      // Class names are minified in the build: Auth.js error types are stable.
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin") return;
      // The underlying cause (its class and message: no tokens, no claims), else «Configuration» tells nothing.
      const cause = (error as { cause?: unknown }).cause;
      const inner =
        cause && typeof cause === "object" && "err" in cause ? (cause as { err: unknown }).err : cause;
      console.error(
        inner instanceof Error
          ? `[auth] ${type}: ${inner.name}: ${inner.message}${oauthError(inner)}`
          : `[auth] ${type}`,
      );
    },
    warn: () => {},
    debug: () => {},
  },
  callbacks: {
    authorized({ auth, request }) {
      if (isPublicPath(request.nextUrl.pathname)) return true;
      return !!auth?.user;
    },
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; role?: Role; sv?: number; sid?: string };
        token.uid = Number(u.id);
        token.role = u.role;
        token.sv = u.sv;
        token.sid = u.sid;
      }
      return token;
    },
    session({ session, token }) {
      const s = session as typeof session & { uid?: number; sv?: number; sid?: string; role?: Role };
      s.uid = token.uid as number;
      s.sv = token.sv as number;
      s.sid = token.sid as string;
      s.role = token.role as Role;
      return s;
    },
  },
} satisfies NextAuthConfig;
