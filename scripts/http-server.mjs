// One worker of the production HTTP server (scripts/server.mjs starts one or several): Next.js's own request
// handler (what `next start` runs, compression included),
// with one fast path in front. The embedded «Наставничество» page is the hottest public route (every visit to
// every school's section); once Next.js has rendered it, lib/public/embed.ts keeps it in memory with its gzip
// bytes, and this server answers repeat requests from there: Next.js would compress the same 70 KB anew each
// time and cannot send bytes compressed in advance. Anything the kept copy cannot answer goes to Next.js.
import http from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import { guardRequest, sendRefusal } from "./request-guard.mjs";

// The production build: also what the security headers (the CSP) are computed for.
process.env.NODE_ENV = "production";
const require = createRequire(import.meta.url);
const { headersFor } = require("../lib/http/headers.cjs");
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
