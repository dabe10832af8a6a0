// Node.js options for the app's server processes: `npm start` (scripts/start.mjs) and the e2e servers
// (scripts/e2e.mjs); cluster workers inherit them. Node.js 24's V8 sizes the young generation by the heap limit:
// 64 MB semi-spaces on these machines, against 16 MB on Node.js 20. A burst of requests then leaves ~100 MB more
// resident per process (2 000 sign-ins: +245 MB against +150 MB; bounded either way, the next 2 000 add ~30 MB).
// Keep Node.js 20's size, so memory per process stays as measured and WEB_CONCURRENCY × instances still fits.
export const serverNodeArgs = ["--max-semi-space-size=16"];
