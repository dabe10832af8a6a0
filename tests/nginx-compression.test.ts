/**
 * deploy/nginx.conf compresses pages itself: the app's processes get no Accept-Encoding for pages (so they spend
 * no CPU on zlib), the browser still gets gzip; embeds keep the browser's Accept-Encoding, because the app holds
 * their gzip bytes ready. Runs the real config (scripts/nginx.mjs) in front of a stand-in app that echoes what
 * it was sent; skipped where nginx is not installed (CI installs it).
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the project's scripts, without types
import { startNginx } from "../scripts/nginx.mjs";

const hasNginx = !spawnSync("nginx", ["-v"]).error;

/** A GET through nginx with the given Accept-Encoding; the raw (still encoded) body. */
function get(port: number, pathname: string, acceptEncoding: string) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port, path: pathname, headers: { "Accept-Encoding": acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
  });
}

describe.skipIf(!hasNginx)("nginx in front of the app (deploy/nginx.conf)", () => {
  let app: http.Server;
  let proxy: ChildProcess;
  let port: number;
  let dir: string;
  const seen: Record<string, string | undefined> = {};

  beforeAll(async () => {
    app = http.createServer((req, res) => {
      seen[req.url ?? ""] = req.headers["accept-encoding"];
      const body = `<!doctype html><p>${"Наставничество ".repeat(400)}</p>`;
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
    });
    await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
    const upstream = (app.address() as AddressInfo).port;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nastavnik-nginx-"));
    port = 20000 + Math.floor(Math.random() * 20000);
    proxy = startNginx({ upstreams: [upstream], port, dir });
    for (let i = 0; i < 100; i++) {
      try {
        await get(port, "/ready", "identity");
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error("nginx did not start");
  });

  afterAll(async () => {
    proxy?.kill("SIGTERM");
    await new Promise<void>((r) => app.close(() => r()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a page reaches the app without Accept-Encoding and the browser still gets it gzipped", async () => {
    const res = await get(port, "/indicators", "gzip, deflate, br");
    expect(seen["/indicators"]).toBeUndefined();
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(res.body).toString("utf8")).toContain("Наставничество");
  });

  it("an embed keeps the browser's Accept-Encoding: the app serves its kept gzip bytes", async () => {
    await get(port, "/embed/org/school-5", "gzip");
    expect(seen["/embed/org/school-5"]).toBe("gzip");
  });
});
