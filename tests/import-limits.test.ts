/**
 * Uploads that could stall the server (issue 15): a million rows, a zip bomb, a 100 000-row CSV, a body that
 * never ends, imports run side by side; and values longer than the person form allows.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getHandle } from "@/db";
import { auditLog, persons } from "@/db/schema";
import { scopeOrg } from "@/lib/auth/scoped";
import { runImport } from "@/lib/registry/import/service";
import { MAX_IMPORTS_RUNNING, takeImportSlot, type ImportSlot } from "@/lib/registry/import/slots";
import type { ImportEvent, ImportPreview } from "@/lib/registry/import/types";
import { bombXlsx, MAX_GROWTH, measured, registerXlsx } from "./support/big-files";
import { createTenant, type Tenant } from "./support/factories";
import { CONSENT, csvFile, MENTEE_HEADER, postImport } from "./support/register-files";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const MB = 1024 * 1024;
let t: Tenant;
beforeAll(async () => {
  t = await createTenant("imp-limits");
});

async function people(orgId: number) {
  const db = await getDb();
  return db.select().from(persons).where(eq(persons.organisationId, orgId));
}

describe("a file too large to read whole", () => {
  it("refuses a million-row XLSX as Excel writes it (≈95 MB unpacked, 5 MB packed) by the sizes it declares", async () => {
    const bytes = await registerXlsx(MENTEE_HEADER, 1_000_000, { excel: true });
    expect(bytes.length).toBeLessThan(9 * MB);
    signInAs(t.users.curator);
    const { result, ms, growth } = await measured(
      `million-row XLSX (${(bytes.length / MB).toFixed(1)} MB)`,
      () => postImport({ bytes, kind: "mentees", step: "commit" }),
    );
    expect(result.last).toMatchObject({
      type: "error",
      message: expect.stringMatching(/распакованном виде/),
    });
    expect(growth).toBeLessThan(MAX_GROWTH);
    expect(ms).toBeLessThan(15_000);
    expect(await people(t.orgId)).toHaveLength(0);
  }, 120_000);

  it("stops a million-row XLSX that fits the size limit at the row limit, reading only its start", async () => {
    const bytes = await registerXlsx(MENTEE_HEADER, 1_000_000);
    signInAs(t.users.curator);
    const { result, ms, growth } = await measured(
      `million-row XLSX under the size limit (${(bytes.length / MB).toFixed(1)} MB)`,
      () => postImport({ bytes, kind: "mentees" }),
    );
    expect(result.last).toMatchObject({
      type: "error",
      message: "В файле больше 50000 строк: разделите его на несколько файлов.",
    });
    expect(growth).toBeLessThan(MAX_GROWTH);
    expect(ms).toBeLessThan(15_000);
  }, 120_000);

  it("refuses a zip bomb, whether it tells its unpacked size or hides it", async () => {
    signInAs(t.users.curator);
    const cases = [
      { label: "zip bomb, 400 MB declared", declared: undefined, message: /распакованном виде/ },
      { label: "zip bomb, 1 KB declared", declared: 1024, message: /повреждён/ },
      { label: "zip bomb, 60 MB declared", declared: 60 * MB, message: /повреждён/ },
    ];
    const bomb = await bombXlsx(MENTEE_HEADER, 400);
    for (const c of cases) {
      const bytes = bomb(c.declared);
      expect(bytes.length).toBeLessThan(2 * MB);
      const { result, growth, ms } = await measured(c.label, () => postImport({ bytes, kind: "mentees" }));
      expect(result.last, c.label).toMatchObject({
        type: "error",
        message: expect.stringMatching(c.message),
      });
      expect(growth, c.label).toBeLessThan(MAX_GROWTH);
      expect(ms, c.label).toBeLessThan(15_000);
    }
  }, 180_000);

  it("refuses CSVs past the row limit: 100 000 register rows, 800 000 short lines (all 9 MB holds)", async () => {
    signInAs(t.users.curator);
    const rows = Array.from({ length: 100_000 }, (_, i) => [String(i + 1), "Иванова Анна", "2010"]);
    const files = {
      "100 000-row CSV": csvFile([MENTEE_HEADER, ...rows]),
      "800 000-line CSV": new TextEncoder().encode(
        `${MENTEE_HEADER.join(";")}\r\n${"Ан Ли\r\n".repeat(800_000)}`,
      ),
    };
    rows.length = 0;
    for (const [label, bytes] of Object.entries(files)) {
      expect(bytes.length).toBeLessThan(9 * MB);
      const { result, ms, growth } = await measured(`${label} (${(bytes.length / MB).toFixed(1)} MB)`, () =>
        postImport({ bytes, kind: "mentees" }),
      );
      expect(result.last, label).toMatchObject({
        type: "error",
        message: expect.stringMatching(/больше 50000 строк/),
      });
      expect(growth, label).toBeLessThan(MAX_GROWTH);
      expect(ms, label).toBeLessThan(15_000);
    }
  }, 120_000);

  it("refuses an upload that never ends once it passes the file limit, without a length given", async () => {
    signInAs(t.users.curator);
    const { POST } = await import("@/app/api/registry/import/route");
    const chunk = new Uint8Array(256 * 1024).fill(0x41);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/registry/import", {
      method: "POST",
      body: endless,
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Файл больше 9 МБ: разделите его на несколько файлов." });
    expect(sent).toBeLessThan(12 * MB);
  }, 60_000);
});

describe("imports side by side", () => {
  const held: ImportSlot[] = [];
  afterEach(() => held.splice(0).forEach((s) => s.release()));
  const small = () =>
    csvFile([
      MENTEE_HEADER,
      ["1", "Гусев Марк Ильич", "2012", "", "01.09.2023", "Смирнова Ольга Ивановна", "Педагог – ученик"],
    ]);

  it("runs one import per organisation: a second one meanwhile is refused, nothing written", async () => {
    signInAs(t.users.curator);
    const { POST } = await import("@/app/api/registry/import/route");
    // A file that takes a second or two to read: the first import is still reading when the second comes.
    const form = new FormData();
    form.set("file", new File([(await registerXlsx(MENTEE_HEADER, 1_000_000)) as BlobPart], "большой.xlsx"));
    form.set("kind", "mentees");
    const first = await POST(
      new Request("http://localhost/api/registry/import", { method: "POST", body: form }),
    );
    expect(first.status).toBe(200);
    // Its first line is out: the first import runs.
    const reader = first.body!.getReader();
    await reader.read();
    const second = await postImport({ bytes: small(), kind: "mentees", step: "commit" });
    expect(second).toMatchObject({
      status: 409,
      error: "Импорт для этой организации уже выполняется: дождитесь его окончания и повторите.",
    });
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value);
    expect(rest).toMatch(/больше 50000 строк/);
    expect(await people(t.orgId)).toHaveLength(0);
    // Once the first is over, the organisation imports again.
    const third = await postImport({ bytes: small(), kind: "mentees" });
    expect(third.last).toMatchObject({ type: "preview" });
  }, 120_000);

  it("runs a few imports per process at most: one more is told to come back in a minute", async () => {
    signInAs(t.users.curator);
    for (let i = 0; i < MAX_IMPORTS_RUNNING; i++) {
      const slot = takeImportSlot(`organisation:test-${i}`, "занято");
      if ("status" in slot) throw new Error("a slot should be free");
      held.push(slot);
    }
    const res = await postImport({ bytes: small(), kind: "mentees", step: "commit" });
    expect(res).toMatchObject({
      status: 429,
      error: "Сервер занят другими загрузками, повторите через минуту.",
    });
    expect(await people(t.orgId)).toHaveLength(0);
    held.splice(0).forEach((s) => s.release());
    expect((await postImport({ bytes: small(), kind: "mentees" })).last).toMatchObject({ type: "preview" });
  });

  it("refuses a commit while another instance imports into the organisation (PostgreSQL)", async (ctx) => {
    const handle = await getHandle();
    // The embedded database has one process and one connection: the process's own guard is the whole story.
    if (handle.kind !== "postgres") return ctx.skip();
    const org = await scopeOrg(t.users.curator, t.orgId, "edit");
    const events: ImportEvent[] = [];
    await handle.db.transaction(async (other) => {
      // «Another instance»: a transaction on another connection holding the organisation's import lock.
      await other.execute(sql`select pg_advisory_xact_lock(7201, ${t.orgId})`);
      await runImport(
        t.users.curator,
        org,
        {
          kind: "mentees",
          fileName: "a.csv",
          bytes: small(),
          options: { rows: "all", duplicates: "merge", confirmNew: true },
          commit: true,
        },
        (e) => void events.push(e),
      );
    });
    expect(events.at(-1)).toEqual({
      type: "error",
      message: "Импорт для этой организации уже выполняется: дождитесь его окончания и повторите.",
    });
    expect(await people(t.orgId)).toHaveLength(0);
    const db = await getDb();
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, t.orgId), eq(auditLog.action, "import")));
    expect(audits).toHaveLength(0);
  });
});

describe("values the person form would refuse", () => {
  function previewOf(events: ImportEvent[]) {
    return (events.find((e) => "preview" in e && e.preview) as { preview: ImportPreview }).preview;
  }

  it("makes a 5 000-character surname, a long workplace and a link that is no web address row errors", async () => {
    const u = await createTenant("imp-form");
    signInAs(u.users.curator);
    const long = "Я".repeat(5000);
    // Every mentee with a consent date (the last column): the rows fail for their values only.
    const header = [...MENTEE_HEADER, CONSENT];
    const row = (cells: Record<number, string>) =>
      header.map((_, i) => cells[i] ?? (i === header.length - 1 ? "01.09.2023" : ""));
    const bytes = csvFile([
      header,
      row({
        0: "1",
        1: `${long} Анна Петровна`,
        2: "2012",
        4: "01.09.2023",
        5: "Смирнова Ольга Ивановна",
        6: "Педагог – ученик",
      }),
      row({
        0: "2",
        1: "Гусев Марк Ильич",
        2: "2012",
        4: "01.09.2023",
        5: `Смирнова ${long} Ивановна`,
        6: "Педагог – ученик",
      }),
      row({
        0: "3",
        1: "Орлова Вера Ильинична",
        2: "2012",
        4: "01.09.2023",
        5: "Смирнова Ольга Ивановна",
        6: "Педагог – ученик",
        7: "М".repeat(301),
      }),
      row({
        0: "4",
        1: "Зайцев Иван Ильич",
        2: "2012",
        4: "01.09.2023",
        5: "Смирнова Ольга Ивановна",
        6: "Педагог – ученик",
        10: "javascript:alert(1)",
      }),
      row({
        0: "5",
        1: "Титова Ева Львовна",
        2: "2012",
        3: "Ч".repeat(1001),
        4: "01.09.2023",
        5: "Смирнова Ольга Ивановна",
        6: "Педагог – ученик",
      }),
      row({
        0: "6",
        1: "Белова Нина Петровна",
        2: "2012",
        4: "01.09.2023",
        5: "Смирнова Ольга Ивановна",
        6: "Педагог – ученик",
      }),
    ]);
    const res = await postImport({ bytes, kind: "mentees", step: "commit", rows: "valid", confirmNew: true });
    const p = previewOf(res.events);
    expect(p.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "ФИО наставляемого", "Фамилия: не длиннее 100 символов."],
      [3, "ФИО наставника", "Имя: не длиннее 100 символов."],
      [4, "Место работы наставника", "Место работы или учёбы: не длиннее 300 символов."],
      [
        5,
        "Ссылка на кейс/отзыв наставляемого",
        "Ссылка на отзыв наставляемого: введите адрес полностью, начиная с https://.",
      ],
      [6, "Основной запрос наставляемого", "Основной запрос: не длиннее 1000 символов."],
    ]);
    expect(res.last).toMatchObject({ type: "done", result: { importedRows: 1, skippedRows: 5 } });
    const stored = await people(u.orgId);
    expect(stored.map((x) => x.surname).sort()).toEqual(["Белова", "Смирнова"]);
    expect(
      Math.max(...stored.map((x) => x.surname.length + x.name.length + x.workplace.length)),
    ).toBeLessThan(100);
  });
});
