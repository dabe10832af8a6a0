// `npm start`: builds when needed, then the production server (scripts/server.mjs: Next.js as `next start` runs
// it, honouring PORT). The server itself migrates the database and, on an empty embedded database, fills the
// demo region.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuilt, root } from "./build.mjs";

ensureBuilt();
const port = process.env.PORT || "3000";
console.log(`Наставник: http://localhost:${port}`);
const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
