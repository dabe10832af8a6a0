// One worker of the production HTTP server (scripts/server.mjs starts one or several): Next.js's own request
// handler (what `next start` runs, compression included), with two fast paths in front.
// - Kept pages: an indicator, chart or structure page a signed-in user opens again is answered from the HTML
//   Next.js rendered for them (lib/http/kept-pages.ts), with a new CSP nonce.
// - The embedded «Наставничество» page is the hottest public route (every visit to every school's section); once
//   Next.js has rendered it, lib/public/embed.ts keeps it in memory with its gzip bytes, and this server answers
//   repeat requests from there: Next.js would compress the same 70 KB anew each time and cannot send bytes
//   compressed in advance.
// Anything a kept copy cannot answer goes to Next.js.
import http from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import next from "next";
import { guardRequest, sendRefusal } from "./request-guard.mjs";

// The production build: also what the security headers (the CSP) are computed for.
process.env.NODE_ENV = "production";
const require = createRequire(import.meta.url);
const { headersFor, newNonce, pageCsp } = require("../lib/http/headers.cjs");
const { dropUntrustedForwarding, parseTrustedProxies } = require("../lib/http/trusted-proxies.cjs");

// As `next start` takes them: -p/--port (or PORT), -H/--hostname (or HOSTNAME; default: every interface).
const { values: options } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(options.port || process.env.PORT || 3000);
const hostname = options.hostname || process.env.HOSTNAME || undefined;
const app = next({ dev: false, dir: fileURLToPath(new URL("..", import.meta.url)), port, hostname });
const handle = app.getRequestHandler();

const KEPT_EMBED = Symbol.for("nastavnik.embed.kept");
// Exactly the routes' addresses: with a trailing slash Next.js redirects, so that goes to Next.js.
const EMBED_PATH = /^\/embed\/org\/([a-z0-9-]+)(\/reports)?$/;
const embedSecurity = headersFor("/embed/org/");

/** Whether the client takes gzip: an explicit «gzip» entry decides (q=0 refuses), otherwise «*». */
function takesGzip(acceptEncoding) {
  const q = new Map();
  for (const part of String(acceptEncoding ?? "").split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (coding) q.set(coding, weight ? Number(weight.slice(2)) : 1);
  }
  const weight = q.has("gzip") ? q.get("gzip") : q.get("*");
  return weight != null && weight > 0;
}

/** Answers a GET/HEAD of an embed page from the kept copy; false when Next.js must answer. */
function fromKeptEmbed(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const kept = globalThis[KEPT_EMBED];
  if (!kept || !req.url?.startsWith("/embed/org/")) return false;
  const url = new URL(req.url, "http://localhost");
  const match = EMBED_PATH.exec(url.pathname);
  if (!match) return false;
  const hit = kept(match[1], url.searchParams.get("vi") === "1", match[2] ? "reports" : "page");
  if (!hit) return false;
  const headers = {
    ...embedSecurity,
    "Cache-Control": "public, max-age=0, must-revalidate",
    ETag: hit.page.etag,
    Vary: "Accept-Encoding",
  };
  if (req.headers["if-none-match"] === hit.page.etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  const gzip = takesGzip(req.headers["accept-encoding"]);
  // Both encodings are kept with the page: nothing is encoded per request.
  const body = gzip ? hit.gzip : hit.raw;
  res.writeHead(200, {
    ...headers,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": body.length,
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

// The client's socket address for the sign-in limits (lib/auth/client-address.ts), in a header only this
// server sets: a client's own value is overwritten. The flag tells the app the header can be believed.
// Kept pages (lib/http/kept-pages.ts): an indicator, chart or structure page a signed-in user opens again is
// answered from its rendered HTML with a new CSP nonce; otherwise Next.js renders it and the answer is kept.
const KEPT_PAGES = Symbol.for("nastavnik.pages.kept");
const NONCE_PLACEHOLDER = "<nastavnik-nonce>";
/** Headers of a rendered page that a kept copy does not repeat (set anew, or wrong for the copy). */
const NOT_KEPT = new Set([
  "content-security-policy",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "date",
  "etag",
  "connection",
  "keep-alive",
]);
/** A kept page of more than this is not kept (the rendered pages are 20–200 KB). */
const KEPT_MAX_BYTES = 4 * 1024 * 1024;

/** A document request a kept page could answer: a plain GET of a page, not a client navigation or prefetch. */
function keepable(req) {
  if (req.method !== "GET") return false;
  const h = req.headers;
  if (h["rsc"] || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-action"]) return false;
  return !!globalThis[KEPT_PAGES] && (req.url ?? "").startsWith("/indicators");
}

/** A Vary value with `token` among its own, once. */
function varyWith(vary, token) {
  const tokens = String(vary ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  if (!tokens.some((t) => t.toLowerCase() === token.toLowerCase())) tokens.push(token);
  return tokens.join(", ");
}

function sendKept(req, res, entry) {
  const nonce = newNonce();
  const html = Buffer.from(entry.body.replaceAll(NONCE_PLACEHOLDER, nonce), "utf8");
  const gzip = takesGzip(req.headers["accept-encoding"]) && html.length > 1024;
  const body = gzip ? gzipSync(html, { level: 4 }) : html;
  res.writeHead(200, {
    ...entry.headers,
    "Content-Security-Policy": pageCsp(nonce),
    "Content-Length": body.length,
    "X-Kept-Page": "1",
    vary: varyWith(entry.headers.vary, "Accept-Encoding"),
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
  });
  res.end(body);
}

/** Keeps what Next.js answers to `res` under `key`: a whole 200 HTML page without cookies, nonce replaced. */
function keepAnswer(res, kept, key, version) {
  const chunks = [];
  let size = 0;
  const collect = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function" || size > KEPT_MAX_BYTES) return;
    const buf =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
        : Buffer.from(chunk);
    size += buf.length;
    chunks.push(buf);
  };
  const write = res.write;
  const end = res.end;
  res.write = function (chunk, encoding, cb) {
    collect(chunk, encoding);
    return write.call(this, chunk, encoding, cb);
  };
  res.end = function (chunk, encoding, cb) {
    collect(chunk, encoding);
    try {
      const type = String(res.getHeader("content-type") ?? "");
      const csp = String(res.getHeader("content-security-policy") ?? "");
      const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
      if (
        res.statusCode === 200 &&
        size <= KEPT_MAX_BYTES &&
        type.startsWith("text/html") &&
        nonce &&
        !res.hasHeader("set-cookie")
      ) {
        const html = Buffer.concat(chunks).toString("utf8");
        // Only a whole page is kept: not one cut short by a failed write, nor one whose part failed (an error
        // boundary's marker).
        const whole = !res.destroyed && html.trimEnd().endsWith("</html>");
        if (whole && html.includes(nonce) && !html.includes("data-dgst")) {
          const headers = {};
          for (const [name, value] of Object.entries(res.getHeaders()))
            if (!NOT_KEPT.has(name) && value != null)
              headers[name] = Array.isArray(value) ? value : String(value);
          kept.put(key, version, html.replaceAll(nonce, NONCE_PLACEHOLDER), headers);
        }
      }
    } catch (error) {
      console.error("[pages] keeping a page failed", error?.message);
    }
    return end.call(this, chunk, encoding, cb);
  };
}

const PEER_HEADER = "x-nastavnik-peer";
globalThis[Symbol.for("nastavnik.peer-header")] = true;

// X-Forwarded-Host/-Proto/-For are believed only from TRUSTED_PROXIES (they steer Next.js's Origin check of
// server actions, Auth.js's URLs and the app's links); from any other peer they are dropped.
let trustedProxies;
try {
  trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** The path of a request target, for choosing its security headers (the embed's or everyone else's). */
function pathOf(url) {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

await app.prepare();
const server = http.createServer(async (req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  dropUntrustedForwarding(req.headers, req.socket.remoteAddress, trustedProxies);
  // Every answer carries the security headers, also those Next.js gives before applying next.config.js
  // headers() (trailing-slash redirects and the like); proxy.ts replaces the CSP of pages with the nonce one.
  for (const [name, value] of Object.entries(headersFor(pathOf(req.url ?? "/")))) res.setHeader(name, value);
  try {
    if (fromKeptEmbed(req, res)) return;
  } catch (error) {
    // The kept copy is only a shortcut: on any trouble Next.js answers.
    console.error("[embed] fast path failed", error);
    if (res.headersSent) return;
  }
  let checked;
  try {
    checked = await guardRequest(req);
  } catch (error) {
    console.error("[request] reading the body failed", error?.code ?? error?.message);
    if (!res.headersSent) res.writeHead(400).end();
    return;
  }
  if (checked.refuse) {
    // The security headers are already on the response (set above for every answer).
    sendRefusal(res, checked.refuse, {}, checked.close);
    if (checked.close) req.destroy();
    return;
  }
  if (keepable(checked.req)) {
    try {
      const kept = globalThis[KEPT_PAGES];
      const found = await kept.lookup(checked.req.url, checked.req.headers.cookie);
      if (found) {
        const entry = kept.get(found.key);
        if (entry) return sendKept(checked.req, res, entry);
        // Rendered uncompressed, so that the answer can be kept as it is.
        delete checked.req.headers["accept-encoding"];
        keepAnswer(res, kept, found.key, found.version);
      }
    } catch (error) {
      // Only a shortcut: on any trouble Next.js answers as always (an answer already begun is cut off).
      console.error("[pages] kept page lookup failed", error?.message);
      if (res.headersSent) {
        res.destroy();
        return;
      }
    }
  }
  handle(checked.req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(port, hostname, () => {
  console.log(`✓ Ready on http://${hostname ?? "localhost"}:${port}`);
});

// Graceful stop, as `next start` does: no new connections, requests in flight finish (10 s at most).
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 10_000);
    force.unref();
    server.close(async () => {
      await app.close().catch(() => {});
      process.exit(0);
    });
    server.closeIdleConnections();
  });
}
