/** Register files built in code with exceljs (no binary fixtures): the layouts of seed 001. */
import ExcelJS from "exceljs";
import type { ImportEvent } from "@/lib/registry/import/types";

export const MENTEE_HEADER = [
  "№ п/п",
  "ФИО наставляемого",
  "Год рождения наставляемого",
  "Основной запрос наставляемого",
  "Дата вхождения в программу",
  "ФИО наставника",
  "Форма наставничества",
  "Место работы наставника",
  "Дата завершения программы",
  "Результаты программы",
  "Ссылка на кейс/отзыв наставляемого",
  "Отметка о прохождении программы",
];

/** The consent column both registers have (the export writes it last). */
export const CONSENT = "Дата согласия на обработку персональных данных";

export const MENTOR_HEADER = [
  "№ п/п",
  "Ф.И.О наставника",
  "Место работы",
  "Основные компетенции наставника",
  "Важные для программы достижения наставника",
  "Интересы наставника",
  "Желаемый возраст наставляемых",
  "Ресурс времени на программу наставничества",
  "Дата вхождения в программу",
  "ФИО наставляемого (наставляемых)",
  "Форма наставничества",
  "Место работы наставляемого",
  "Дата завершения программы",
  "Результаты программы",
  "Ссылка на кейс/отзыв наставника",
];

export type FixtureCell = string | number | Date | null;

/** An Excel date cell (UTC midnight, as Excel stores a day). */
export const xdate = (d: number, m: number, y: number) => new Date(Date.UTC(y, m - 1, d));

/** An XLSX workbook whose first sheet holds `rows` from row 1; date cells get the format ДД.ММ.ГГГГ. */
export async function xlsxFile(rows: FixtureCell[][], sheetName = "Лист1"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const cells of rows) {
    const row = ws.addRow(cells);
    cells.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = "dd.mm.yyyy";
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Windows-1251 for Russian text: enough of the table for the registers. */
function encode1251(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else if (c === 0x2116) out.push(0xb9);
    else if (c === 0x2013) out.push(0x96);
    else out.push(0x3f);
  }
  return new Uint8Array(out);
}

/** A CSV file as Excel writes it: quoted where needed, CRLF, optional BOM, UTF-8 or Windows-1251. */
export function csvFile(
  rows: (string | number)[][],
  opts: { delimiter?: string; bom?: boolean; encoding?: "utf-8" | "windows-1251"; quoteAll?: boolean } = {},
): Uint8Array {
  const d = opts.delimiter ?? ";";
  const quote = (v: string | number) => {
    const s = String(v);
    return opts.quoteAll || s.includes(d) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(quote).join(d)).join("\r\n") + "\r\n";
  if (opts.encoding === "windows-1251") return encode1251(text);
  const bytes = new TextEncoder().encode(text);
  return opts.bom === false ? bytes : new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
}

/** Reads an XLSX buffer back: every row's values by Excel row number. */
export async function readBack(bytes: Uint8Array | ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.worksheets[0];
  const rows: { line: number; values: unknown[]; numFmts: (string | undefined)[] }[] = [];
  ws.eachRow((row, line) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push({ line, values, numFmts: values.map((_, i) => row.getCell(i + 1).numFmt) });
  });
  return { name: ws.name, rows };
}

export interface ImportCall {
  bytes: Uint8Array;
  fileName?: string;
  kind: "mentees" | "mentors";
  org?: number;
  step?: "preview" | "commit";
  rows?: "all" | "valid";
  duplicates?: "merge" | "create";
  /** «Создать новых участников и программы». */
  confirmNew?: boolean;
}

/** POSTs a file to the import route as the signed-in (mocked) user; returns the status and the NDJSON events. */
export async function postImport(call: ImportCall) {
  const { POST } = await import("@/app/api/registry/import/route");
  const form = new FormData();
  form.set("file", new File([call.bytes as BlobPart], call.fileName ?? "реестр.xlsx"));
  form.set("kind", call.kind);
  if (call.org) form.set("org", String(call.org));
  form.set("step", call.step ?? "preview");
  if (call.rows) form.set("rows", call.rows);
  if (call.duplicates) form.set("duplicates", call.duplicates);
  if (call.confirmNew !== undefined) form.set("confirmNew", call.confirmNew ? "yes" : "no");
  const response = await POST(
    new Request("http://localhost/api/registry/import", { method: "POST", body: form }),
  );
  if (response.status !== 200) {
    const body = (await response.json()) as { error: string };
    return { status: response.status, error: body.error, events: [] as ImportEvent[], last: null };
  }
  const events = (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ImportEvent);
  return { status: 200, error: null, events, last: events[events.length - 1] };
}

/** GETs the export route as the signed-in (mocked) user. */
export async function getExport(kind: string, org?: number) {
  const { GET } = await import("@/app/api/registry/export/route");
  const qs = new URLSearchParams({ kind, ...(org ? { org: String(org) } : {}) });
  return GET(new Request(`http://localhost/api/registry/export?${qs}`));
}
