/** The regional sign-in's settings: all three or none, https only (plain http on loopback), and the page CSP. */
import { afterEach, describe, expect, it } from "vitest";
import { isLoopbackHost, oidcSettings } from "@/lib/auth/oidc";
import { SSO_REFUSED, ssoRefusalMessage, throttledCode } from "@/lib/auth/messages";
import { pageCsp } from "@/lib/http/headers.cjs";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
const full = {
  OIDC_CLIENT_ID: "nastavnik",
  OIDC_CLIENT_SECRET: "secret",
  APP_URL: "https://nastavnik.example.ru/",
};

afterEach(() => {
  delete process.env.OIDC_ISSUER;
});

describe("OIDC settings", () => {
  it("is off when none is set, and refuses a half-set configuration in Russian", () => {
    expect(oidcSettings(env({}))).toBeNull();
    expect(oidcSettings(env({ OIDC_ISSUER: " " }))).toBeNull();
    expect(() => oidcSettings(env({ OIDC_ISSUER: "https://sso.example.ru/realms/edu" }))).toThrow(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/,
    );
    expect(() => oidcSettings(env({ ...full }))).toThrow(/OIDC_ISSUER/);
  });

  it("takes an https issuer, without its trailing slash", () => {
    expect(oidcSettings(env({ ...full, OIDC_ISSUER: "https://sso.example.ru/realms/edu/" }))).toEqual({
      issuer: "https://sso.example.ru/realms/edu",
      clientId: "nastavnik",
      clientSecret: "secret",
      appUrl: "https://nastavnik.example.ru",
    });
    const { APP_URL: _, ...withoutApp } = full;
    expect(() => oidcSettings(env({ ...withoutApp, OIDC_ISSUER: "https://sso.example.ru" }))).toThrow(
      /APP_URL/,
    );
  });

  it("refuses plain http but on loopback, and addresses that are not one", () => {
    for (const issuer of [
      "http://sso.example.ru/realms/edu",
      "http://10.0.0.5:8080",
      "ftp://x",
      "sso.example.ru",
    ])
      expect(() => oidcSettings(env({ ...full, OIDC_ISSUER: issuer })), issuer).toThrow(
        /Неверные переменные/,
      );
    expect(() => oidcSettings(env({ ...full, OIDC_ISSUER: "https://sso.example.ru/?a=1" }))).toThrow();
    for (const issuer of ["http://127.0.0.1:9000", "http://localhost:8080/realms/t", "http://[::1]:9000"])
      expect(oidcSettings(env({ ...full, OIDC_ISSUER: issuer }))?.issuer, issuer).toBe(issuer);
    expect(isLoopbackHost("127.10.0.1")).toBe(true);
    expect(isLoopbackHost("127.0.0.1.example.ru")).toBe(false);
  });

  it("lets the sign-in page's form reach the provider (form-action), and nowhere else", () => {
    expect(pageCsp("n")).toContain("form-action 'self';");
    process.env.OIDC_ISSUER = "https://sso.example.ru/realms/edu";
    expect(pageCsp("n")).toContain("form-action 'self' https://sso.example.ru;");
  });

  it("answers every refusal of a regional sign-in with the one message, but the wait when throttled", () => {
    for (const code of ["refused", "unknown", "", null, "<script>"])
      expect(ssoRefusalMessage(code)).toBe(SSO_REFUSED);
    expect(ssoRefusalMessage(throttledCode(120))).toMatch(/Подождите 2 мин/);
  });
});
