// Security headers for every response (next.config.js, scripts/http-server.mjs) and the pages' CSP (proxy.ts).
// No 'unsafe-inline' for scripts anywhere:
// - pages (every one is rendered per request and passes proxy.ts) allow scripts by a per-request nonce, which
//   Next.js puts on its own scripts, plus 'strict-dynamic' for the chunks those load;
// - the embed is cached HTML without a nonce: its two inline scripts are allowed by their hashes;
// - everything else (files, JSON, CSV, redirects, Next.js's answers before any page) allows no inline script.
// Styles keep 'unsafe-inline': React renders `style` props as style attributes (chart sizes, recharts' own
// positioning, progress bars), which no nonce covers, and a nonce in style-src would switch 'unsafe-inline' off.
// Only /embed and /embed/* may be framed (by any site).
const { createHash, randomBytes } = require("node:crypto");
const { HEIGHT_SCRIPT, VI_SCRIPT, ZOD_JITLESS } = require("../public/inline-scripts.cjs");

const base = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** A CSP source that allows exactly this inline script. */
function scriptHash(script) {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/**
 * Where a page's forms may send the browser: this site, and the regional identity provider when OIDC_ISSUER is
 * set — the «Войти через региональную учётную запись» form, posted without JavaScript, is answered with a
 * redirect to the provider, and browsers hold redirects after a form post to form-action too.
 */
function formActionSources() {
  const issuer = (process.env.OIDC_ISSUER || "").trim();
  if (!issuer) return "'self'";
  try {
    const { origin, protocol } = new URL(issuer);
    return /^https?:$/.test(protocol) ? `'self' ${origin}` : "'self'";
  } catch {
    return "'self'";
  }
}

function policy(scriptSrc, frameAncestors, formAction = "'self'") {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction}`,
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** A fresh nonce for one page (128 random bits). */
function newNonce() {
  return randomBytes(16).toString("base64");
}

/** The app's own inline scripts on pages, by hash (lib/public/inline-scripts.cjs). */
const PAGE_SCRIPTS = [ZOD_JITLESS, VI_SCRIPT].map(scriptHash).join(" ");

/**
 * The CSP of a page rendered by Next.js: its scripts carry this request's nonce, the app's own two inline scripts
 * are allowed by hash. Development adds 'unsafe-eval' (React's dev tooling).
 */
function pageCsp(nonce) {
  const dev = process.env.NODE_ENV === "development";
  return policy(
    `'self' 'nonce-${nonce}' 'strict-dynamic' ${PAGE_SCRIPTS}${dev ? " 'unsafe-eval'" : ""}`,
    "'none'",
    formActionSources(),
  );
}

/** The embed (cached HTML, framed by schools' sites): its two inline scripts by hash, nothing else. */
const EMBED_CSP = policy(`${scriptHash(HEIGHT_SCRIPT)} ${scriptHash(VI_SCRIPT)}`, "*");
/** Everything that is not a page: no inline script at all. */
const PLAIN_CSP = policy("'self'", "'none'");

/** /embed and /embed/*: the only addresses other sites may frame. */
function isEmbedPath(pathname) {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

const framed = [...base, { key: "Content-Security-Policy", value: EMBED_CSP }];
const unframed = [
  ...base,
  { key: "Content-Security-Policy", value: PLAIN_CSP },
  { key: "X-Frame-Options", value: "DENY" },
];

/** For next.config.js headers(); proxy.ts replaces the CSP of pages with pageCsp(nonce). */
function securityHeaders() {
  return [
    // Everything except /embed and /embed/*: never framed.
    { source: "/:path((?!embed(?:/|$)).*)", headers: unframed },
    { source: "/embed/:path*", headers: framed },
  ];
}

/**
 * The same headers as an object, for the plain-Node server: it sets them on every response before Next.js runs,
 * so answers Next.js gives before applying headers() (trailing-slash redirects, …) carry them too.
 */
function headersFor(pathname) {
  return Object.fromEntries((isEmbedPath(pathname) ? framed : unframed).map((h) => [h.key, h.value]));
}

module.exports = {
  securityHeaders,
  headersFor,
  pageCsp,
  newNonce,
  scriptHash,
  isEmbedPath,
  EMBED_CSP,
  PLAIN_CSP,
};
