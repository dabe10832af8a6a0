// nginx in front of local app instances, for the tests and benchmarks: deploy/nginx.conf itself, with its
// upstream servers, port and folders pointed at this machine's loopback and a throwaway folder.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Starts nginx (in the foreground, as a child) for `upstreams` (ports) listening on 127.0.0.1:`port`. */
export function startNginx({ upstreams, port, dir, stdio = "ignore" }) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o777);
  const servers = upstreams.map((p) => `server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join("\n    ");
  const conf = fs
    .readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8")
    .replace(/server 127\.0\.0\.1:3001[^\n]*\n\s*server 127\.0\.0\.1:3002[^\n]*/, servers)
    .replace("listen 8080;", `listen 127.0.0.1:${port};`)
    .replaceAll("/var/lib/nastavnik-nginx", dir)
    .replaceAll("/var/log/nginx", dir)
    .replace("/run/nastavnik-nginx.pid", path.join(dir, "nginx.pid"));
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  return spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-g", "daemon off; user root;"], { stdio });
}
