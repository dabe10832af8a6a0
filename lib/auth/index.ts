import "server-only";
import { Auth, type AuthConfig } from "@auth/core";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers as requestHeaders } from "next/headers";
import { getDb } from "@/db";
import { clientAddress } from "./client-address";
import { authConfig } from "./config";
import { checkCredentials } from "./credentials";
import { throttledCode } from "./messages";
import { OIDC_PROVIDER_ID, oidcSettings } from "./oidc";
import { revokeSession } from "./sessions";
import { getAuthSecret } from "./secret";
import { ssoSignIn, type SsoClaims } from "./sso";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const oidc = oidcSettings();
// Auth.js builds the redirect URI from AUTH_URL when set, else from the request (whose host Next.js gives a
// route handler as «localhost»): with SSO it is the one registered at the provider, <APP_URL>/api/auth/callback/oidc.
if (oidc && !process.env.AUTH_URL) process.env.AUTH_URL = oidc.appUrl;

/**
 * The regional identity provider, when OIDC_* are set: authorisation code with PKCE, state and nonce; the
 * person's claims are read from its userinfo (checked against the ID token's subject), as every provider
 * gives them there. Only https issuers, but on loopback (lib/auth/oidc.ts).
 */
const oidcProviders: NextAuthConfig["providers"] = oidc
  ? [
      {
        id: OIDC_PROVIDER_ID,
        name: "Региональная учётная запись",
        type: "oidc",
        issuer: oidc.issuer,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        checks: ["pkce", "state", "nonce"],
        idToken: false,
        authorization: { params: { scope: "openid email profile" } },
      },
    ]
  : [];

/** The request's headers in a route handler; none elsewhere (the limits then share one key). */
async function headersOfRequest(): Promise<Headers> {
  try {
    return new Headers(await requestHeaders());
  } catch {
    return new Headers();
  }
}

/**
 * A regional sign-in: Наставник's own account for the identity (lib/auth/sso.ts), or a refusal shown on /login.
 * The account's id, role, session version and session row go into the token as a password sign-in's do.
 */
async function signInCallback({
  user,
  account,
  profile,
}: Parameters<NonNullable<NonNullable<NextAuthConfig["callbacks"]>["signIn"]>>[0]): Promise<
  boolean | string
> {
  if (account?.provider !== OIDC_PROVIDER_ID) return true;
  if (!oidc || !profile) return "/login?sso=refused";
  const headers = await headersOfRequest();
  const result = await ssoSignIn(
    oidc.issuer,
    profile as SsoClaims,
    clientAddress(headers),
    headers.get("user-agent"),
  );
  if (!result.ok)
    return `/login?sso=${result.code === "throttled" ? throttledCode(result.waitSeconds) : "refused"}`;
  Object.assign(user, {
    id: String(result.user.id),
    name: result.user.name,
    email: result.user.email,
    image: undefined,
    role: result.user.role,
    sv: result.user.sessionVersion,
    sid: result.sessionId,
  });
  return true;
}

/** The endpoint and the sign-in action alike: the action's signIn() passes the request's headers here. */
const config: NextAuthConfig = {
  ...authConfig,
  secret: getAuthSecret(),
  // Errors of a regional sign-in (an altered state, a nonce that does not match) come back to /login.
  pages: { ...authConfig.pages, error: "/login" },
  callbacks: { ...authConfig.callbacks, signIn: signInCallback },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const headers = request?.headers ?? new Headers();
        const result = await checkCredentials(
          String(credentials?.email ?? ""),
          String(credentials?.password ?? ""),
          clientAddress(headers),
          headers.get("user-agent"),
        );
        if (!result.ok)
          throw new SignInRefused(
            result.code === "throttled" ? throttledCode(result.waitSeconds) : "invalid",
          );
        return {
          id: String(result.user.id),
          name: result.user.name,
          email: result.user.email,
          role: result.user.role,
          sv: result.user.sessionVersion,
          sid: result.sessionId,
        } as never;
      },
    }),
    ...oidcProviders,
  ],
  events: {
    // Sign-out (the action and the endpoint alike) ends the session's row, not only the browser's cookie.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(await getDb(), sid);
    },
  },
};

export const { auth, signIn, signOut } = NextAuth(config);

/**
 * The /api/auth endpoint. next-auth's own handlers move the request to AUTH_URL's origin as a NextRequest, and
 * Next.js's URL turns every loopback host (127.0.0.1, [::1]) into «localhost»: with APP_URL on such a host the
 * callback then asked the provider for another redirect URI than the sign-in did (invalid_grant) and sent the
 * browser to localhost, where its cookies are not. A plain Request keeps the origin as AUTH_URL names it.
 */
async function endpoint(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (process.env.AUTH_URL) {
    const origin = new URL(process.env.AUTH_URL);
    url.protocol = origin.protocol;
    url.host = origin.host;
  }
  const body = request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
  return Auth(
    new Request(url, { method: request.method, headers: request.headers, body }),
    config as AuthConfig,
  );
}

export const handlers = { GET: endpoint, POST: endpoint };
