/**
 * Issue 15, «Hygiene»: the CSP allows no inline script but by nonce (pages) or hash (the embed), the proxy gives
 * every page a fresh nonce without an extra Auth.js round, X-Forwarded-* is believed only from TRUSTED_PROXIES,
 * and a POST to a page that Next.js could not read gets a short 4xx in Russian instead of a 500.
 * The same over HTTP, against the production server: tests/e2e/headers.e2e.ts.
 */
import { createElement } from "react";
import { encode } from "@auth/core/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { PublicFrame } from "@/components/public/frame";
import {
  EMBED_CSP,
  pageCsp,
  PLAIN_CSP,
  scriptHash,
  securityHeaders,
  headersFor,
} from "@/lib/http/headers.cjs";
import { refusePagePost } from "@/lib/http/page-post";
import { dropUntrustedForwarding, parseTrustedProxies } from "@/lib/http/trusted-proxies.cjs";
import { embedPage } from "@/lib/public/embed";
import { renderHtml } from "@/lib/public/html";
import { ZOD_JITLESS } from "@/lib/public/inline-scripts.cjs";
import { HEIGHT_SCRIPT, VI_SCRIPT } from "@/lib/public/styles";
import { proxy } from "@/proxy";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? "";

describe("Content-Security-Policy", () => {
  const every = [
    ...securityHeaders().flatMap((r) => r.headers),
    ...Object.entries(headersFor("/login/")).map(([key, value]) => ({ key, value })),
    ...Object.entries(headersFor("/embed/org/x/")).map(([key, value]) => ({ key, value })),
  ]
    .filter((h) => h.key === "Content-Security-Policy")
    .map((h) => h.value);

  it("allows no inline script by 'unsafe-inline' anywhere", () => {
    for (const csp of [...every, pageCsp("bm9uY2U=")]) {
      expect(directive(csp, "script-src")).not.toBe("");
      expect(directive(csp, "script-src")).not.toContain("'unsafe-inline'");
      expect(directive(csp, "script-src")).not.toContain("'unsafe-eval'");
    }
    expect(every).toContain(EMBED_CSP);
    expect(every).toContain(PLAIN_CSP);
  });

  it("pages: this request's nonce, 'strict-dynamic', the app's own inline scripts by hash", () => {
    const scripts = directive(pageCsp("bm9uY2U="), "script-src");
    expect(scripts).toContain("'nonce-bm9uY2U='");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).toContain(scriptHash(VI_SCRIPT));
    expect(scripts).toContain(scriptHash(ZOD_JITLESS));
    expect(pageCsp("x")).toContain("frame-ancestors 'none'");
  });

  it("the embed: every inline script it serves is allowed by its hash, and nothing else is", () => {
    const frameProps = { brand: "Школа", vi: false, embed: true, viHref: "?vi=1" } as Parameters<
      typeof PublicFrame
    >[0];
    const page = embedPage(
      "Наставничество — Школа",
      "/org/school",
      renderHtml(createElement(PublicFrame, frameProps, "Текст")),
    );
    const inline = [...page.html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline.sort()).toEqual([HEIGHT_SCRIPT, VI_SCRIPT].sort());
    expect(page.html).not.toMatch(/<script(?! ?>)/); // no script with a src or other attributes
    expect(page.html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    const scripts = directive(EMBED_CSP, "script-src");
    expect(scripts.split(" ").slice(1).sort()).toEqual(inline.map(scriptHash).sort());
    expect(EMBED_CSP).toContain("frame-ancestors *");
  });

  it("the security headers are the same for the plain-Node server as for next.config.js", () => {
    expect(headersFor("/login/")).toMatchObject({
      "Content-Security-Policy": PLAIN_CSP,
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
    });
    expect(headersFor("/embed/org/x")["Content-Security-Policy"]).toBe(EMBED_CSP);
    expect(headersFor("/embed/org/x")).not.toHaveProperty("X-Frame-Options");
    expect(headersFor("/embed.js")["X-Frame-Options"]).toBe("DENY");
  });
});

describe("proxy.ts", () => {
  const nonceOf = (res: Response) =>
    /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];

  it("gives every page its own nonce, in the response and in the request Next.js renders", async () => {
    for (const path of ["/login", "/org/demograd-sosh-5", "/open", "/open/18/demo", "/"]) {
      const first = await proxy(new NextRequest(`http://localhost:3000${path}`));
      const second = await proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(first.headers.get("x-middleware-next"), path).toBe("1");
      expect(nonceOf(first), path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(nonceOf(first)).not.toBe(nonceOf(second));
      expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(
        first.headers.get("content-security-policy"),
      );
      expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(first));
    }
  });

  it("public pages and open data get no auth cookies; app pages still send anonymous visitors to sign-in", async () => {
    const pub = await proxy(new NextRequest("http://localhost:3000/org/demograd-sosh-5"));
    expect(pub.headers.getSetCookie()).toEqual([]);
    const home = await proxy(new NextRequest("http://localhost:3000/home"));
    expect(home.status).toBe(307);
    expect(new URL(home.headers.get("location")!).pathname).toBe("/login");
    expect(home.headers.get("x-middleware-next")).toBeNull();
  });

  it("lets a signed-in user through to app pages, with the nonce", async () => {
    const token = await encode({
      token: { sub: "1", uid: 1, role: "admin", sv: 1, sid: "s" },
      secret: process.env.AUTH_SECRET!,
      salt: "authjs.session-token",
    });
    const res = await proxy(
      new NextRequest("http://localhost:3000/home", {
        headers: {
          host: "localhost:3000",
          "x-forwarded-proto": "http",
          cookie: `authjs.session-token=${token}`,
        },
      }),
    );
    expect(res.status, res.headers.get("location") ?? "").toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(nonceOf(res)).toBeTruthy();
  });
});

/** Unreadable and oversized bodies: tests/request-guard.test.ts (the server refuses them before the proxy). */
describe("POSTs to pages (lib/http/page-post.ts)", () => {
  const form = () => {
    const data = new FormData();
    data.append("$ACTION_ID_408ecc6e3c05eda77c005e9858673936ebae6bf8fa", "");
    data.append("email", "curator@nastavnik.demo");
    return data;
  };
  const post = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
    refusePagePost(
      new Request(`http://127.0.0.1:3000${path}`, {
        method: "POST",
        ...init,
        headers: { host: "127.0.0.1:3000", ...init.headers },
      }),
    );

  it("lets real server actions through: forms without JavaScript and with it", async () => {
    const origin = { origin: "http://127.0.0.1:3000" };
    expect(await post("/login", { body: form(), headers: origin })).toBeNull();
    expect(
      await post("/org/school", { body: form(), headers: { ...origin, "next-action": "40abc" } }),
    ).toBeNull();
    expect(
      await post("/login", {
        body: '[{"email":"a@b.ru","password":"x"}]',
        headers: { ...origin, "next-action": "40abc", "content-type": "text/plain;charset=UTF-8" },
      }),
    ).toBeNull();
    // Behind a trusted proxy the browser's host arrives as X-Forwarded-Host.
    expect(
      await post("/login", {
        body: form(),
        headers: { origin: "https://nastavnik.example", "x-forwarded-host": "nastavnik.example" },
      }),
    ).toBeNull();
    // Not a page: route handlers read their own bodies.
    expect(
      await post("/api/registry/import", { body: "", headers: { "content-type": "multipart/form-data" } }),
    ).toBeNull();
  });

  it("a POST from another site, or with an Origin that is no origin: 403", async () => {
    for (const origin of ["http://evil.example", "null", "garbage", "http://127.0.0.1:3001"]) {
      const res = await post("/login", { body: form(), headers: { origin } });
      expect(res?.status, origin).toBe(403);
      expect(await res?.text()).toBe("Запрос отклонён: форма отправлена с другого сайта.");
    }
  });
});

describe("X-Forwarded-* only from TRUSTED_PROXIES", () => {
  const forwarded = () => ({
    host: "127.0.0.1:3000",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-forwarded-for": "1.2.3.4",
    "x-forwarded-port": "443",
    forwarded: "host=evil.example",
    cookie: "a=b",
  });

  it("drops them from any other peer", () => {
    for (const [peer, list] of [
      ["203.0.113.9", ""],
      ["203.0.113.9", "127.0.0.1"],
      ["::ffff:10.0.0.5", "127.0.0.1"],
      [undefined, "127.0.0.1"],
    ] as const) {
      const headers: Record<string, string> = forwarded();
      dropUntrustedForwarding(headers, peer, parseTrustedProxies(list));
      expect(headers, `${peer} / ${list}`).toEqual({ host: "127.0.0.1:3000", cookie: "a=b" });
    }
  });

  it("keeps them from a trusted proxy (IPv4-mapped addresses included)", () => {
    for (const peer of ["127.0.0.1", "::ffff:127.0.0.1", "10.1.2.3"]) {
      const headers: Record<string, string> = forwarded();
      expect(dropUntrustedForwarding(headers, peer, parseTrustedProxies("127.0.0.1, 10.0.0.0/8"))).toEqual(
        [],
      );
      expect(headers).toEqual(forwarded());
    }
  });
});
