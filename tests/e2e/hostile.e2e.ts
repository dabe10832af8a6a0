/**
 * Raw malformed, oversized and out-of-range requests to every server action and every route of a running
 * production server (instance A of the PostgreSQL pair, demo region): never a 500, always a plain 4xx or a
 * Russian message, and not one row written. Action ids come from the build's server-reference manifest, so a
 * new action is covered without a new line here.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { signInHttp } from "./browser";

const A = process.env.E2E_INSTANCE_A ?? "";
const DB_URL = process.env.E2E_INSTANCES_DATABASE_URL ?? "";

/** A session cookie of the instance, signed in as the form does. */
async function sessionOf(email: string, password: string) {
  const { cookie } = await signInHttp(A, email, password);
  if (!cookie) throw new Error(`вход ${email} не удался`);
  return cookie;
}

/**
 * fetch, tried once more when a kept-alive connection was closed by the server just as it was reused (the digest
 * of the tables between two requests can outlast the server's keep-alive on a loaded machine); a browser retries
 * such a request too. Any other failure is thrown.
 */
async function send(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "UND_ERR_SOCKET" && code !== "ECONNRESET") throw error;
    return fetch(url, init);
  }
}

function psql(sql: string): string {
  return execFileSync("psql", [DB_URL, "-Atqc", sql], { encoding: "utf8" }).trim();
}

/**
 * A digest of every table but the sign-in bookkeeping (sessions and limits change when we sign in) and the
 * journal's export records (a download is journalled by design, also when a malformed filter is ignored).
 */
function fingerprint(): Record<string, string> {
  const tables = psql(
    "select tablename from pg_tables where schemaname = 'public' and tablename not like 'auth\\_%' order by 1",
  ).split("\n");
  return Object.fromEntries(
    tables.map((t) => [
      t,
      psql(`select count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '')
            from "${t}" x ${t === "audit_log" ? "where x.action <> 'export'" : ""}`),
    ]),
  );
}

interface Action {
  id: string;
  name: string;
  page: string;
}

/** Every server action of the build, with a page that carries it (dynamic segments filled with 1). */
function actions(): Action[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, v]) => {
    const worker = Object.keys(v.workers)[0] ?? "app/login/page";
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]*\)/g, "")
        .replace(/\[[^\]]+\]/g, "1") || "/";
    return { id, name: v.exportedName, page };
  });
}

const HUGE = new Uint8Array(30 * 1024 * 1024).fill(0x61);
const MALFORMED: Record<string, { type: string; body: string | Uint8Array<ArrayBuffer> }> = {
  "не JSON": { type: "text/plain;charset=UTF-8", body: "{{{ не json" },
  "пустое тело": { type: "text/plain;charset=UTF-8", body: "" },
  "id вне диапазона": {
    type: "text/plain;charset=UTF-8",
    body: JSON.stringify([
      { id: 2147483648, organisationId: 2147483648, municipalityId: 1e20, reportId: -1, userId: true },
    ]),
  },
  "пустой multipart": { type: "multipart/form-data; boundary=xyz", body: "" },
  "оборванный multipart": {
    type: "multipart/form-data; boundary=xyz",
    body: '--xyz\r\nContent-Disposition: form-data; name="1_x"\r\n\r\nabc',
  },
  "двоичные данные": { type: "application/octet-stream", body: "\x00\x01\x02" },
  "30 МБ": { type: "multipart/form-data; boundary=xyz", body: HUGE },
};

describe.skipIf(!A || !DB_URL)("hostile requests to every action and route", () => {
  let admin = "";
  let curator = "";
  let before: Record<string, string>;
  beforeAll(async () => {
    admin = await sessionOf(DEMO_ACCOUNTS.find((a) => a.role === "admin")!.email, "demo2026");
    curator = await sessionOf(DEMO_ACCOUNTS.find((a) => a.role === "curator")!.email, "demo2026");
    before = fingerprint();
  });

  it("malformed and oversized action bodies get a 4xx, never a 500, and write nothing", async () => {
    const list = actions();
    expect(list.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const cookie of ["", curator, admin]) {
      for (const action of list) {
        for (const [kind, { type, body }] of Object.entries(MALFORMED)) {
          const res = await send(`${A}${action.page}`, {
            method: "POST",
            redirect: "manual",
            headers: {
              "next-action": action.id,
              "content-type": type,
              origin: A,
              accept: "text/x-component",
              ...(cookie ? { cookie } : {}),
            },
            body,
          });
          const text = await res.text();
          if (res.status >= 500)
            failures.push(`${action.name} (${kind}, ${cookie ? "вход" : "аноним"}): ${res.status}`);
          else if (res.status >= 400 && !/[а-яё]/i.test(text) && text.length > 0)
            failures.push(
              `${action.name} (${kind}): ${res.status} без сообщения по-русски: ${text.slice(0, 80)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(fingerprint()).toEqual(before);
  });

  it("a no-JavaScript form post with a malformed body gets a 4xx", async () => {
    for (const pathname of ["/login", "/org/demo", "/open/demo", "/registry/persons/new"]) {
      for (const [kind, { type, body }] of Object.entries(MALFORMED)) {
        const res = await send(`${A}${pathname}`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": type, origin: A, cookie: curator },
          body,
        });
        await res.arrayBuffer();
        expect(res.status, `${pathname} ${kind}`).toBeLessThan(500);
      }
    }
    expect(fingerprint()).toEqual(before);
  });

  it("out-of-range and malformed ids in every route answer a 4xx, never a 500", async () => {
    const ids = ["2147483648", "99999999999999999999", "-1", "0", "1e3", "abc", "1%00", "%FF", "toString"];
    const failures: string[] = [];
    for (const cookie of ["", admin]) {
      for (const id of ids) {
        for (const url of [
          `/api/files/${id}`,
          `/api/registry/export?org=${id}&register=persons&format=xlsx`,
          `/api/reports/consolidated?municipality=${id}&year=${id}&quarter=${id}&format=xlsx`,
          `/api/indicators/table?territory=${id}&from=${id}&to=${id}`,
          `/api/indicators/chart?code=${id}&territory=${id}`,
          `/admin/audit/export?org=${id}&user=${id}`,
          `/embed/org/${id}`,
          `/embed/org/${id}/reports`,
          `/open/${id}/indicators.json`,
          `/open/${id}/${id}/indicators.csv`,
          `/orgs/${id}`,
          `/orgs?q=${id}&m=${id}&kind=${id}&page=${id}`,
          `/practices?q=${id}&format=${id}&level=${id}&year=${id}&page=${id}`,
          `/surveys?role=${id}&by=${id}&g=${id}`,
          `/roadmap/municipality/${id}`,
          `/roadmap/org/${id}`,
          `/notifications?page=${id}`,
          `/reports/${id}`,
          `/indicators/${id}?year=${id}&from=${id}&to=${id}`,
          `/registry/persons/${id}`,
          `/admin/users/${id}`,
          `/admin/directory/organisations/${id}`,
        ]) {
          const res = await send(`${A}${url}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
          await res.arrayBuffer();
          if (res.status >= 500) failures.push(`${url} (${cookie ? "вход" : "аноним"}): ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    const post = await send(`${A}/api/registry/import?org=2147483648`, {
      method: "POST",
      headers: { cookie: curator, "content-type": "multipart/form-data; boundary=xyz", origin: A },
      body: HUGE,
    });
    await post.arrayBuffer();
    expect(post.status).toBeLessThan(500);
    expect(fingerprint()).toEqual(before);
  });
});
