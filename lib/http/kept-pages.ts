import { getDb } from "@/db";
import { getAuthSecret } from "@/lib/auth/secret";
import { decodeSessionToken, sessionCookie } from "@/lib/auth/session-token";
import { sessionUser } from "@/lib/auth/sessions";
import { cacheVersion } from "@/lib/cache";
import { unreadCount } from "@/lib/notifications/queries";

/**
 * Kept pages: the indicator, chart and structure pages a signed-in user opens again are answered from their
 * rendered HTML instead of being rendered anew (issue 14: "a cached indicator page costs a cache read"). The
 * server (scripts/http-server.mjs, plain Node outside the Next.js bundles) asks here before it hands a request
 * to Next.js, and keeps what Next.js answered.
 *
 * - A copy is that user's own: the key holds the user, the session's version, the role and territory, the name
 *   and unread count the header shows, and the address with its query. The session is checked on every request
 *   as the pages check it (lib/auth/sessions.ts), so a signed-out, expired or disabled session gets no copy.
 * - A copy is dropped by any change of derived data on any instance (lib/cache `cacheVersion`, bumped by every
 *   invalidation here or by NOTIFY from elsewhere), and a copy made while such a change happened is not kept.
 *   It also expires after TTL_MS (a page may show "this year" by the clock), and at most MAX_ENTRIES copies and
 *   MAX_BYTES are kept, MAX_PER_USER of one user, the least recently used going first.
 * - The CSP nonce is never reused: the copy holds a placeholder where the nonce was, and each answer gets a new
 *   one (scripts/http-server.mjs).
 */

const KEPT_PAGES = Symbol.for("nastavnik.pages.kept");

/** The pages kept: the indicator table, an indicator's charts, the structure; not the targets' form. */
export const KEPT_PATH = /^\/indicators(?:\/(?!targets(?:\/|$))[^/]+)?\/?$/;
const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 500;
/** Copies of one user at most: one user's many addresses do not push out everyone else's copies. */
const MAX_PER_USER = 20;
const MAX_BYTES = 64 * 1024 * 1024;
/**
 * Stands for the nonce in a kept copy (scripts/http-server.mjs has the same): never in a rendered page, where a
 * "<" in text is escaped by React and in inline data by Next.js.
 */
export const NONCE_PLACEHOLDER = "<nastavnik-nonce>";

interface Entry {
  /** The user the copy is of (its key's first part). */
  user: number;
  body: string;
  headers: Record<string, string | string[]>;
  version: number;
  at: number;
  bytes: number;
}

export interface KeptPages {
  /** The key of this request's copy and the data version it would be made at; null when none is kept. */
  lookup(url: string, cookieHeader: string | undefined): Promise<{ key: string; version: number } | null>;
  /** The copy under `key` if still current. */
  get(key: string): Entry | null;
  /** Keeps a copy rendered at `version`, unless the data changed meanwhile. */
  put(key: string, version: number, body: string, headers: Record<string, string | string[]>): void;
}

/**
 * The request's cookies as Next.js reads them (the last of a name wins, values URL-decoded), or null when a name
 * comes twice: a second session cookie may have been planted from a sibling site (cookie tossing), and then this
 * lookup and the page could pick different ones — such a request gets no kept copy and keeps none.
 */
export function parseCookies(header: string | undefined): Map<string, string> | null {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name) continue;
    if (jar.has(name)) return null;
    const raw = part.slice(eq + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // kept as sent, as Next.js keeps it
    }
    jar.set(name, value);
  }
  return jar;
}

export function createKeptPages(now = () => Date.now()): KeptPages {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  };
  return {
    async lookup(url, cookieHeader) {
      const path = url.split(/[?#]/, 1)[0];
      if (!KEPT_PATH.test(path)) return null;
      const jar = parseCookies(cookieHeader);
      if (!jar) return null;
      const cookie = sessionCookie(
        (name) => jar.get(name),
        () => [...jar.keys()],
      );
      const claims = cookie ? decodeSessionToken(cookie.value, getAuthSecret(), cookie.name) : null;
      if (!claims?.uid || !claims.sid || typeof claims.sv !== "number") return null;
      const version = cacheVersion();
      const user = await sessionUser(await getDb(), { sid: claims.sid, uid: claims.uid, sv: claims.sv });
      if (!user) return null;
      const unread = await unreadCount(user);
      const key = JSON.stringify([
        user.id,
        claims.sv,
        user.role,
        user.regionId,
        user.municipalityId,
        user.organisationId,
        user.name,
        unread,
        url,
      ]);
      return { key, version };
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.version !== cacheVersion() || now() - entry.at > TTL_MS) {
        drop(key);
        return null;
      }
      // Most recently used last: the first in the map goes first.
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    put(key, version, body, headers) {
      if (version !== cacheVersion()) return;
      const size = body.length * 2;
      if (size > MAX_BYTES / 8) return;
      drop(key);
      const user = Number((JSON.parse(key) as unknown[])[0]);
      const theirs = [...entries].filter(([, e]) => e.user === user);
      for (const [oldest] of theirs.slice(0, Math.max(0, theirs.length - MAX_PER_USER + 1))) drop(oldest);
      entries.set(key, { user, body, headers, version, at: now(), bytes: size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
        drop(oldest);
      }
    },
  };
}

/** Makes the kept pages of this process reachable by the server (scripts/http-server.mjs); once. */
export function registerKeptPages(): void {
  const g = globalThis as { [KEPT_PAGES]?: KeptPages };
  g[KEPT_PAGES] ??= createKeptPages();
}
