/**
 * The production server's guard in front of Next.js (scripts/request-guard.mjs): malformed action and form
 * bodies, oversized bodies and undecodable addresses get a plain 4xx with a Russian text; a good body reaches
 * the handler byte for byte, on a connection that stays usable.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error — a plain ES module of the server, without types
import { ACTION_BODY_LIMIT, guardRequest, sendRefusal } from "../scripts/request-guard.mjs";

let server: http.Server;
let base = "";
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const checked = await guardRequest(req);
    if (checked.refuse) {
      sendRefusal(res, checked.refuse, {}, checked.close);
      if (checked.close) req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of checked.req) chunks.push(chunk as Buffer);
    // Answer later, as Next.js does: the replayed request must not have closed the client's socket.
    await new Promise((r) => setTimeout(r, 20));
    seen.push(Buffer.concat(chunks).toString("utf8"));
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const action = (type: string, body: string | Uint8Array<ArrayBuffer>, path = "/registry/persons/new") =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "next-action": "abc", "content-type": type },
    body,
  });

describe("request guard", () => {
  it("hands a well-formed action body on unchanged", async () => {
    const res = await action("text/plain;charset=UTF-8", '[{"surname":"Иванова"}]');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    expect(seen.at(-1)).toBe('[{"surname":"Иванова"}]');
  });

  it("hands on a form posted without JavaScript", async () => {
    const form = new FormData();
    form.set("$ACTION_ID_abc", "");
    form.set("surname", "Петрова");
    const res = await fetch(`${base}/registry/persons/new`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toContain("Петрова");
  });

  it.each([
    ["not JSON", "text/plain;charset=UTF-8", "{{{"],
    ["an empty body", "text/plain;charset=UTF-8", ""],
    ["an empty multipart", "multipart/form-data; boundary=xyz", ""],
    [
      "a cut multipart",
      "multipart/form-data; boundary=xyz",
      '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
    ],
    ["bytes of no known type", "application/octet-stream", "\u0000\u0001"],
  ])("refuses %s with 400 and a Russian text", async (_, type, body) => {
    const res = await action(type, body);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^Не удалось прочитать данные формы/);
  });

  it("refuses a body over the limit with 413, read to its end so the client gets the answer", async () => {
    const res = await action(
      "multipart/form-data; boundary=xyz",
      new Uint8Array(ACTION_BODY_LIMIT + 1).fill(0x61),
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/слишком велик/);
  });

  it("refuses an address that is not UTF-8 with 400", async () => {
    const res = await fetch(`${base}/orgs/%FF`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Неверный адрес/);
  });

  it("leaves route handlers under /api to read their own bodies", async () => {
    const res = await fetch(`${base}/api/registry/import`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: "",
    });
    expect(res.status).toBe(200);
  });
});
