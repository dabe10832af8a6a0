// @ts-check
const { securityHeaders } = require("./lib/http/headers.cjs");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs", "postgres", "pg-boss", "pg"],
  poweredByHeader: false,
  // Documents (up to 10 MB) go through server actions and register files (up to 9 MB) through a route:
  // both pass the proxy, which buffers request bodies up to its own limit.
  // scripts/request-guard.mjs refuses a larger action or form body (413) before Next.js reads it.
  experimental: { serverActions: { bodySizeLimit: "12mb" }, proxyClientMaxBodySize: "12mb" },
  reactStrictMode: true,
  async headers() {
    return securityHeaders();
  },
};

module.exports = nextConfig;
