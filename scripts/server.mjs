// The production HTTP server: Next.js's own request handler (what `next start` runs, compression included),
// with one fast path in front. The embedded «Наставничество» page is the hottest public route (every visit to
// every school's section); once Next.js has rendered it, lib/public/embed.tsx keeps it in memory with its gzip
// bytes, and this server answers repeat requests from there: Next.js would compress the same 70 KB anew each
// time and cannot send bytes compressed in advance. Anything the kept copy cannot answer goes to Next.js.
import http from "node:http";
import { createRequire } from "node:module";
import next from "next";

const require = createRequire(import.meta.url);
const { securityHeaders } = require("../lib/http/headers.cjs");

// PORT, or -p/--port as `next start` takes it; all interfaces, as `next start` listens.
const argv = process.argv.slice(2);
const portArg = argv.findIndex((a) => a === "-p" || a === "--port");
const port = Number((portArg >= 0 ? argv[portArg + 1] : undefined) || process.env.PORT || 3000);
const app = next({ dev: false, dir: new URL("..", import.meta.url).pathname, port });
const handle = app.getRequestHandler();

const KEPT_EMBED = Symbol.for("nastavnik.embed.kept");
const EMBED_PATH = /^\/embed\/org\/([a-z0-9-]+)(\/reports)?\/?$/;
const embedSecurity = Object.fromEntries(
  securityHeaders()
    .find((rule) => rule.source.startsWith("/embed"))
    .headers.map((h) => [h.key, h.value]),
);

/** Whether the client takes gzip (and did not refuse it with q=0). */
function takesGzip(acceptEncoding) {
  return String(acceptEncoding ?? "")
    .split(",")
    .some((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(";");
      if (coding !== "gzip" && coding !== "*") return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return !q || Number(q.slice(2)) > 0;
    });
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
  const body = gzip ? hit.gzip : Buffer.from(hit.page.html, "utf8");
  res.writeHead(200, {
    ...headers,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": body.length,
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

await app.prepare();
const server = http.createServer((req, res) => {
  if (fromKeptEmbed(req, res)) return;
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(port, () => {
  console.log(`✓ Ready on http://localhost:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
