import crypto from "node:crypto";

/**
 * Reads the Auth.js session cookie once per request, cheaply: the cookie is a JWE (`dir`, A256CBC-HS512) whose key
 * Auth.js derives from AUTH_SECRET with HKDF and the cookie's name as salt. Here the key is derived once per
 * process and kept, the token is checked (HMAC in constant time, expiry) and decrypted with node:crypto, and
 * nothing is re-encrypted or re-issued: the session's row (lib/auth/sessions.ts) is what ends a session, at once.
 * The proxy only looks whether a session cookie is there (`hasSessionCookie`); pages and actions decode it here.
 */

/** Auth.js's cookie names: over HTTPS the `__Secure-` one. A cookie over 4 KB comes in chunks `.0`, `.1`, … */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionClaims {
  uid?: number;
  sv?: number;
  sid?: string;
  role?: string;
  exp?: number;
  nbf?: number;
  [key: string]: unknown;
}

/** The session cookie's value and its name (the key's salt), from a cookie lookup; null when there is none. */
export function sessionCookie(
  get: (name: string) => string | undefined,
  names: () => string[],
): { name: string; value: string } | null {
  for (const name of SESSION_COOKIES) {
    const whole = get(name);
    if (whole) return { name, value: whole };
    const prefix = `${name}.`;
    const chunks = names()
      .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
    if (chunks.length > 0) return { name, value: chunks.map((n) => get(n) ?? "").join("") };
  }
  return null;
}

/** Whether a Cookie header carries a session cookie at all (the proxy's coarse gate; nothing is decoded). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!part.slice(eq + 1).trim()) continue;
    for (const known of SESSION_COOKIES)
      if (name === known || (name.startsWith(`${known}.`) && /^\d+$/.test(name.slice(known.length + 1))))
        return true;
  }
  return false;
}

const keys = new Map<string, Buffer>();

/** The A256CBC-HS512 key of `salt`, derived once per secret and salt as Auth.js derives it. */
function keyOf(secret: string, salt: string): Buffer {
  const id = `${salt}\0${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(
      crypto.hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64),
    );
    if (keys.size > 8) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/** Seconds of clock skew allowed on `exp` and `nbf`, as Auth.js allows. */
const CLOCK_TOLERANCE = 15;

/**
 * The claims of a session token Auth.js issued with `secret` under cookie name `salt`, or null when it is
 * malformed, forged, tampered with, made with another secret or expired. Never throws.
 */
export function decodeSessionToken(
  token: string,
  secret: string,
  salt: string,
  nowSeconds = Date.now() / 1000,
): SessionClaims | null {
  try {
    const parts = token.split(".");
    if (parts.length !== 5) return null;
    const [protectedHeader, encryptedKey, ivPart, ciphertextPart, tagPart] = parts;
    if (encryptedKey !== "") return null;
    const header = JSON.parse(Buffer.from(protectedHeader, "base64url").toString("utf8")) as {
      alg?: string;
      enc?: string;
      zip?: string;
    };
    if (header.alg !== "dir" || header.enc !== "A256CBC-HS512" || header.zip !== undefined) return null;
    const key = keyOf(secret, salt);
    const iv = Buffer.from(ivPart, "base64url");
    const ciphertext = Buffer.from(ciphertextPart, "base64url");
    const tag = Buffer.from(tagPart, "base64url");
    if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0 || ciphertext.length % 16 !== 0)
      return null;
    // RFC 7518 §5.2.2: the tag is the first half of HMAC-SHA-512(MAC key, AAD ‖ IV ‖ ciphertext ‖ AAD length).
    const aad = Buffer.from(protectedHeader, "ascii");
    const aadBits = Buffer.alloc(8);
    aadBits.writeBigUInt64BE(BigInt(aad.length * 8));
    const expected = crypto
      .createHmac("sha512", key.subarray(0, 32))
      .update(aad)
      .update(iv)
      .update(ciphertext)
      .update(aadBits)
      .digest()
      .subarray(0, 32);
    if (!crypto.timingSafeEqual(expected, tag)) return null;
    const decipher = crypto.createDecipheriv("aes-256-cbc", key.subarray(32), iv);
    const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    const claims = JSON.parse(plain.toString("utf8")) as SessionClaims;
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) return null;
    if (typeof claims.exp !== "number" || claims.exp + CLOCK_TOLERANCE <= nowSeconds) return null;
    if (typeof claims.nbf === "number" && claims.nbf - CLOCK_TOLERANCE > nowSeconds) return null;
    return claims;
  } catch {
    return null;
  }
}
