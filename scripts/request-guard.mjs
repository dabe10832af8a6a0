// What the production server refuses before Next.js sees a request, with a plain 4xx and a Russian text:
// Next.js answers these with a 500 (and a stack trace in the log) — an address whose percent-encoding is not
// UTF-8 (`/orgs/%FF`), and a server-action or form POST whose body is too large or cannot be decoded (not
// JSON, a cut multipart, an empty body). A body that passes is handed on to Next.js unchanged.
import { IncomingMessage } from "node:http";

/** Documents up to 10 MB go through server actions; with the multipart envelope and the form's fields. */
export const ACTION_BODY_LIMIT = 12 * 1024 * 1024;
const MB = Math.round(ACTION_BODY_LIMIT / 1024 / 1024);

/** A refusal: the status and the text the client sees. */
const refusal = (status, text) => ({ status, text });

export const BAD_ADDRESS = refusal(400, "Неверный адрес страницы.");
export const BAD_BODY = refusal(
  400,
  "Не удалось прочитать данные формы. Обновите страницу и отправьте форму ещё раз.",
);
export const TOO_LARGE = refusal(
  413,
  `Запрос слишком велик: файл — не больше 10 МБ, весь запрос — не больше ${MB} МБ.`,
);

/** Whether every percent-escape of the address's path decodes as UTF-8. */
export function badAddress(url) {
  const path = String(url ?? "/").split("?")[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** Whether Next.js would read this request's body as a server action (with or without JavaScript). */
export function isActionPost(req) {
  if (req.method !== "POST") return false;
  if (req.headers["next-action"]) return true;
  // A form posted without JavaScript: multipart or urlencoded to a page. The route handlers that take a POST
  // (Auth.js, the register import) live under /api and read their own bodies.
  return !/^\/api(\/|$)/.test(String(req.url ?? "/"));
}

/**
 * A body above the limit is still read to its end (and thrown away) so that the client, still sending, gets
 * the refusal instead of a broken connection; beyond this much the connection is closed at once.
 */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/** Reads the body up to the limit; null when it is larger (the rest is drained, not kept). */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(over ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Whether Next.js can decode this body as a server action's arguments or a form. */
async function decodable(type, body) {
  const mime = type.split(";")[0].trim().toLowerCase();
  if (mime === "multipart/form-data") {
    if (body.length === 0) return false;
    try {
      await new Response(body, { headers: { "content-type": type } }).formData();
      return true;
    } catch {
      return false;
    }
  }
  if (mime === "application/x-www-form-urlencoded") return true;
  if (mime === "" || mime === "text/plain") {
    // The client encodes the arguments as a JSON array (React's encodeReply).
    try {
      return Array.isArray(JSON.parse(body.toString("utf8")));
    } catch {
      return false;
    }
  }
  return false;
}

/** A request that reads `body` again, with the original's method, address, headers and socket. */
function replay(req, body) {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.httpVersion = req.httpVersion;
  copy.headers = { ...req.headers, "content-length": String(body.length) };
  delete copy.headers["transfer-encoding"];
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([k, v]) => [k, String(v)]);
  // Whole already: otherwise the copy counts as aborted when it ends and takes the client's socket with it.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/**
 * Checks a request before Next.js: `{ refuse, close? }` to answer it here (closing the connection when the
 * body is not worth reading), or `{ req }` to hand on (the same request, or a copy that replays a body read
 * for checking).
 */
export async function guardRequest(req) {
  if (badAddress(req.url)) return { refuse: BAD_ADDRESS };
  if (!isActionPost(req)) return { req };
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > DRAIN_LIMIT) return { refuse: TOO_LARGE, close: true };
  const body = await readBody(req, ACTION_BODY_LIMIT);
  if (body === null) return { refuse: TOO_LARGE };
  // A POST to a page that is no action at all (no action header, no form action field) Next.js answers itself.
  const type = String(req.headers["content-type"] ?? "");
  if (!req.headers["next-action"] && body.length === 0 && !type) return { req: replay(req, body) };
  if (!(await decodable(type, body))) return { refuse: BAD_BODY };
  return { req: replay(req, body) };
}

/** Writes a refusal with the security headers every answer carries. */
export function sendRefusal(res, { status, text }, headers = {}, close = false) {
  const body = Buffer.from(text, "utf8");
  res.writeHead(status, {
    ...headers,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "no-store",
    ...(close ? { Connection: "close" } : {}),
  });
  res.end(body);
}
