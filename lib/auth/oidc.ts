/**
 * The regional identity provider (OIDC), configured by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
 * Pure and database-free: read by the Auth.js setup, the sign-in page and the page CSP.
 */

/** The Auth.js provider id: the callback the provider must allow is `<APP_URL>/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcSettings {
  /** The issuer exactly as the provider names itself (no trailing slash), e.g. https://sso.example.ru/realms/edu. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The address users open (APP_URL): the redirect URI registered at the provider is built from it. */
  appUrl: string;
}

/** Whether a host name is this machine's own (loopback): no one on the network can sit between. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * The settings, or null when SSO is off (none of the three set). A half-set or insecure configuration is an
 * error at start-up, never a silent fallback: the issuer must be https (plain http only on loopback, where
 * the tests run their own provider).
 */
export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim() ?? "";
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? "";
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim() ?? "";
  if (!issuer && !clientId && !clientSecret) return null;
  const missing = [
    ["OIDC_ISSUER", issuer],
    ["OIDC_CLIENT_ID", clientId],
    ["OIDC_CLIENT_SECRET", clientSecret],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length)
    throw new Error(
      `Неверные переменные окружения: для входа через OIDC задайте также ${missing.join(", ")}`,
    );
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(
      "Неверные переменные окружения: OIDC_ISSUER — адрес вида https://sso.example.ru/realms/edu",
    );
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname)))
    throw new Error("Неверные переменные окружения: OIDC_ISSUER должен начинаться с https://");
  if (url.search || url.hash)
    throw new Error("Неверные переменные окружения: OIDC_ISSUER — без ? и # в адресе");
  // The redirect URI must be exactly the one registered at the provider: one fixed address, not the request's.
  const appUrl = (env.AUTH_URL || env.APP_URL || "").trim().replace(/\/+$/, "");
  let app: URL | null = null;
  try {
    app = appUrl ? new URL(appUrl) : null;
  } catch {
    app = null;
  }
  if (!app || !/^https?:$/.test(app.protocol))
    throw new Error(
      "Неверные переменные окружения: для входа через OIDC задайте APP_URL — адрес, который открывают пользователи",
    );
  return { issuer: issuer.replace(/\/+$/, ""), clientId, clientSecret, appUrl: app.origin };
}

/**
 * Whether the «Войти через региональную учётную запись» button is shown (and the provider configured). A bad
 * configuration already stopped the server at start-up (instrumentation.ts).
 */
export function oidcEnabled(): boolean {
  return oidcSettings() !== null;
}
