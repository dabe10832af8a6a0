/**
 * Issue 14, «auth once per request»: the session cookie is decoded once with a kept key, exactly as Auth.js
 * would read it (its own tokens decode; forged, tampered, foreign-secret and expired ones do not), and the
 * proxy only looks for the cookie: it never decodes, re-issues or sets a cookie on a page's response.
 */
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, hasSessionCookie, sessionCookie } from "@/lib/auth/session-token";
import { proxy } from "@/proxy";

const SECRET = process.env.AUTH_SECRET!;
const SALT = "authjs.session-token";
const claims = { sub: "7", uid: 7, role: "curator", sv: 3, sid: "abc" };

describe("decodeSessionToken", () => {
  it("reads what Auth.js encodes, under either cookie name", async () => {
    for (const salt of [SALT, "__Secure-authjs.session-token"]) {
      const token = await encode({ token: claims, secret: SECRET, salt });
      expect(decodeSessionToken(token, SECRET, salt)).toMatchObject(claims);
      // The key is the cookie name's: a token moved to the other name opens nothing.
      expect(decodeSessionToken(token, SECRET, salt === SALT ? `__Secure-${SALT}` : SALT)).toBeNull();
    }
  });

  it("refuses another secret, any changed byte, garbage and an expired token", async () => {
    const token = await encode({ token: claims, secret: SECRET, salt: SALT });
    expect(decodeSessionToken(token, "another-secret-another-secret", SALT)).toBeNull();
    const parts = token.split(".");
    for (let i = 0; i < parts.length; i++) {
      if (!parts[i]) continue;
      const bytes = Buffer.from(parts[i], "base64url");
      bytes[bytes.length >> 1] ^= 1;
      const changed = [...parts];
      changed[i] = bytes.toString("base64url");
      expect(decodeSessionToken(changed.join("."), SECRET, SALT), `part ${i}`).toBeNull();
    }
    for (const junk of ["", "a.b.c.d.e", "x".repeat(5000), `${token}.`, token.replace(/\./g, "")])
      expect(decodeSessionToken(junk, SECRET, SALT)).toBeNull();
    const short = await encode({ token: claims, secret: SECRET, salt: SALT, maxAge: 60 });
    const now = Date.now() / 1000;
    expect(decodeSessionToken(short, SECRET, SALT, now + 30)).toMatchObject(claims);
    expect(decodeSessionToken(short, SECRET, SALT, now + 90)).toBeNull();
  });

  it("finds the cookie whole or in Auth.js's chunks", () => {
    const jar = new Map([
      [`${SALT}.1`, "DEF"],
      [`${SALT}.0`, "ABC"],
    ]);
    expect(
      sessionCookie(
        (n) => jar.get(n),
        () => [...jar.keys()],
      ),
    ).toEqual({ name: SALT, value: "ABCDEF" });
    expect(
      sessionCookie(
        () => undefined,
        () => ["other"],
      ),
    ).toBeNull();
    expect(hasSessionCookie(`a=1; ${SALT}=x`)).toBe(true);
    expect(hasSessionCookie(`__Secure-${SALT}.0=x`)).toBe(true);
    expect(hasSessionCookie(`${SALT}=; x${SALT}=y; ${SALT}.z=1`)).toBe(false);
    expect(hasSessionCookie(null)).toBe(false);
  });
});

describe("proxy.ts as a coarse gate", () => {
  it("passes a page with a session cookie on without decoding it or setting any cookie", async () => {
    const token = await encode({ token: claims, secret: SECRET, salt: SALT });
    for (const cookie of [`${SALT}=${token}`, `${SALT}=not-even-a-token`]) {
      const res = await proxy(new NextRequest("http://localhost:3000/indicators", { headers: { cookie } }));
      expect(res.headers.get("x-middleware-next")).toBe("1");
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(res.headers.get("content-security-policy")).toContain("'nonce-");
    }
  });

  it("sends a visitor without one to sign-in, keeping where they were going", async () => {
    const res = await proxy(new NextRequest("http://localhost:3000/registry/persons?q=1"));
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!);
    expect(to.pathname).toBe("/login");
    expect(new URL(to.searchParams.get("callbackUrl")!).pathname).toBe("/registry/persons");
    expect(res.headers.getSetCookie()).toEqual([]);
    const api = await proxy(new NextRequest("http://localhost:3000/api/indicators/table"));
    expect(api.status).toBe(307);
  });
});
