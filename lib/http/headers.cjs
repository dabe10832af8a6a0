// Security headers for every route; only /embed/* may be framed (by any site).
const base = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

function csp(frameAncestors) {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

function securityHeaders() {
  return [
    {
      // Everything except /embed and /embed/*: never framed.
      source: "/:path((?!embed(?:/|$)).*)",
      headers: [
        ...base,
        { key: "Content-Security-Policy", value: csp("'none'") },
        { key: "X-Frame-Options", value: "DENY" },
      ],
    },
    {
      source: "/embed/:path*",
      headers: [...base, { key: "Content-Security-Policy", value: csp("*") }],
    },
  ];
}

module.exports = { securityHeaders };
