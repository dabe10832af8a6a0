/**
 * A real OpenID Connect provider for the tests (the `oidc-provider` package), run by the test itself on loopback
 * http: a stand-in for a region's Keycloak. Its people live in memory (`accounts`, keyed by login); its login
 * page is a plain form of its own (no external fonts or scripts, so a browser test reaches nothing outside the
 * machine), and consent is taken as given, as a region's provider does for its own applications.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export interface TestIdentity {
  /** The subject (`sub`) the provider gives. */
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Extra claims the provider sends (a `groups` or `role` claim Наставник must ignore). */
  extra?: Record<string, unknown>;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People the provider knows, by login: add or change them during a test. */
  accounts: Map<string, TestIdentity>;
  close: () => Promise<void>;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function loginPage(uid: string, error = "") {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Региональный вход (тест)</title></head>
<body><h1>Региональная учётная запись (тестовый поставщик)</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Логин <input name="login" autocomplete="off" required></label>
<label>Пароль <input name="password" type="password" required></label>
<button type="submit">Войти</button></form></body></html>`;
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

/** Starts the provider on 127.0.0.1 (a free port) with one confidential client for `redirectUris`. */
export async function startTestProvider(redirectUris: string[]): Promise<TestProvider> {
  const accounts = new Map<string, TestIdentity>();
  const clientId = "nastavnik-test";
  const clientSecret = "test-client-secret-test-client-secret";
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups", "role"] },
    async findAccount(_ctx, id) {
      const person = [...accounts.values()].find((a) => a.sub === id);
      if (!person) return undefined;
      return {
        accountId: id,
        async claims() {
          const { extra, ...claims } = person;
          return { ...extra, ...claims };
        },
      };
    },
    // Consent is taken as given: the region's own application.
    async loadExistingGrant(ctx) {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ["oidc-test-cookie-key"] },
    ttl: {
      Interaction: 600,
      Grant: 600,
      Session: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  server.on("request", (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? "");
    if (!match) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === "POST" && match[2]) {
          const form = await formBody(req);
          const person = accounts.get(form.get("login") ?? "");
          if (!person || !form.get("password")) {
            res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
            return res.end(loginPage(details.uid, "Неверный логин или пароль."));
          }
          return provider.interactionFinished(req, res, { login: { accountId: person.sub } });
        }
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(loginPage(details.uid));
      } catch {
        res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
        res.end("Сеанс входа истёк.");
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
