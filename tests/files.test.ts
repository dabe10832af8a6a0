import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/files/[id]/route";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { documents, files } from "@/db/schema";
import { systemOrg } from "@/lib/auth/scoped";
import { contentDisposition, safeFileName } from "@/lib/files/disposition";
import { fileForDownload, insertFile } from "@/lib/files/store";
import { checkFile, MAX_FILE_SIZE, sniffKind } from "@/lib/files/validation";
import { sample, seedDocument } from "./authz/documents";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  t = await createTenant("files");
  other = await createTenant("files-other");
});

describe("file validation", () => {
  it("recognises each allowed kind by its content", () => {
    expect(sniffKind(sample.pdf())).toBe("pdf");
    expect(sniffKind(sample.png())).toBe("png");
    expect(sniffKind(sample.jpeg())).toBe("jpeg");
    expect(sniffKind(sample.docx())).toBe("docx");
    expect(sniffKind(sample.odt())).toBe("odt");
    expect(sniffKind(sample.exe())).toBeNull();
    expect(sniffKind(Buffer.from("PK\x03\x04 just a zip", "latin1"))).toBeNull();
  });

  it("requires the extension and the content to agree", () => {
    expect(checkFile("Приказ.PDF", sample.pdf())).toMatchObject({ ok: true, mime: "application/pdf" });
    expect(checkFile("a.pdf", sample.exe())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/не похоже на PDF/),
    });
    expect(checkFile("a.odt", sample.docx())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/не похоже на ODT/),
    });
    expect(checkFile("a.exe", sample.exe())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/«\.exe» не принимаются/),
    });
    expect(checkFile("README", sample.pdf())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/нет расширения/),
    });
  });

  it("refuses a file just over 10 MB and says how big it is", () => {
    const big = Buffer.concat([sample.pdf(), Buffer.alloc(MAX_FILE_SIZE + 1 - sample.pdf().length)]);
    expect(checkFile("big.pdf", big)).toEqual({
      ok: false,
      message: expect.stringMatching(/весит 10,1 МБ, а можно не больше 10 МБ/),
    });
    expect(checkFile("ok.pdf", big.subarray(0, MAX_FILE_SIZE)).ok).toBe(true);
  });
});

describe("download name", () => {
  it("strips paths, control characters and quotes", () => {
    expect(safeFileName('C:\\Users\\ivanova\\Приказ "№5".pdf')).toBe("Приказ _№5_.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("a\r\nb.pdf")).toBe("a__b.pdf");
    expect(safeFileName("...")).toBe("document");
    expect(safeFileName(`${"я".repeat(300)}.docx`)).toMatch(/^я{145}\.docx$/);
  });

  it("gives an ASCII fallback and the UTF-8 name in RFC 5987 form", () => {
    expect(contentDisposition("Приказ № 5 (ред.).pdf")).toBe(
      "attachment; filename=\"Prikaz_5_red.pdf\"; filename*=UTF-8''%D0%9F%D1%80%D0%B8%D0%BA%D0%B0%D0%B7%20%E2%84%96%205%20%28%D1%80%D0%B5%D0%B4.%29.pdf",
    );
    expect(contentDisposition("Положение.docx", "inline")).toMatch(
      /^inline; filename="Polozhenie\.docx"; filename\*=UTF-8''%D0/,
    );
    expect(contentDisposition("it's*.png")).toContain("filename*=UTF-8''it%27s_.png");
    expect(contentDisposition("№№№.pdf")).toMatch(/^attachment; filename="document\.pdf";/);
  });
});

describe("bytea storage", () => {
  it("round-trips every byte value identically", async () => {
    const data = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      randomBytes(300_000),
      Buffer.from([0, 0, 92, 120]),
    ]);
    const db = await getDb();
    const id = await insertFile(db, await systemOrg(db, t.orgId), {
      name: "bin.pdf",
      mime: "application/pdf",
      size: data.length,
      data,
    });
    const [row] = await db.select().from(files).where(eq(files.id, id));
    expect(Buffer.from(row.data).equals(data)).toBe(true);
    // The server holds the bytes themselves (what a pg_dump backs up), not a text rendering of them.
    const [stats] = await execRows<{ len: number; md5: string }>(
      db,
      sql`select octet_length(data) as len, md5(data) as md5 from files where id = ${id}`,
    );
    expect(Number(stats.len)).toBe(data.length);
    expect(stats.md5).toBe(createHash("md5").update(data).digest("hex"));
    signInAs(t.users.curator);
    const download = await fileForDownload(t.users.curator, id);
    expect(download?.data.equals(data)).toBe(true);
  });
});

describe("GET /api/files/[id]", () => {
  async function storedDocument(
    orgId: number,
    opts: { public: boolean; inForce: boolean; name?: string; bytes?: Buffer },
  ) {
    const db = await getDb();
    const data = opts.bytes ?? sample.pdf();
    const name = opts.name ?? "Положение о наставничестве.pdf";
    const mime = name.endsWith(".png") ? "image/png" : "application/pdf";
    const fileId = await insertFile(db, await systemOrg(db, orgId), { name, mime, size: data.length, data });
    const doc = await seedDocument(orgId, { fileId, public: opts.public, inForce: opts.inForce });
    return { fileId, doc, data };
  }

  const get = (id: number | string) =>
    GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id: String(id) }) });

  it("gives the organisation's readers the bytes with safe headers", async () => {
    const { fileId, data } = await storedDocument(t.orgId, { public: false, inForce: true });
    for (const user of [t.users.curator, t.users.coordinator, t.users.admin]) {
      signInAs(user);
      const res = await get(fileId);
      expect(res.status, user.role).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toMatch(
        /^inline; filename=".*\.pdf"; filename\*=UTF-8''/,
      );
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("sends images as attachments", async () => {
    const { fileId } = await storedDocument(t.orgId, {
      public: false,
      inForce: true,
      name: "скан.png",
      bytes: sample.png(),
    });
    signInAs(t.users.curator);
    const res = await get(fileId);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("answers 404 to anyone else while the document is not public and in force", async () => {
    const privateDoc = await storedDocument(t.orgId, { public: false, inForce: true });
    const revoked = await storedDocument(t.orgId, { public: true, inForce: false });
    for (const { fileId } of [privateDoc, revoked]) {
      for (const user of [
        t.users.siblingCurator,
        t.users.siblingCoordinator,
        t.users.ministry,
        other.users.admin,
        null,
      ]) {
        signInAs(user);
        const res = await get(fileId);
        expect(res.status, user?.email ?? "anonymous").toBe(404);
        expect(res.headers.get("cache-control")).toBe("private, no-store");
        expect(await res.text()).not.toContain("%PDF");
      }
    }
  });

  it("serves a public document in force to anyone, and stops when it is archived", async () => {
    const { fileId, doc, data } = await storedDocument(t.orgId, { public: true, inForce: true });
    signInAs(null);
    const res = await get(fileId);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
    expect(res.headers.get("cache-control")).toMatch(/^public/);
    const db = await getDb();
    await db.update(documents).set({ archived: true }).where(eq(documents.id, doc.id));
    expect((await get(fileId)).status).toBe(404);
  });

  it("answers 404 to ids that do not exist or are not numbers", async () => {
    signInAs(t.users.admin);
    for (const id of ["999999999", "abc", "1e3", "-1", "0"]) expect((await get(id)).status, id).toBe(404);
  });
});
