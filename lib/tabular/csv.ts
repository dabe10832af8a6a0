/**
 * CSV for Russian Excel: written as UTF-8 with BOM, «;» between fields, CRLF, decimal comma, text guarded;
 * read as Excel saves it: UTF-8 with or without BOM, or Windows-1251; «;», «,» or tab; RFC 4180 quotes. Pure.
 */
import { guardText, unguardText } from "./cell";

/** What a CSV writer takes: text, a number (written with a decimal comma) or nothing. */
export type CsvCell = string | number | null | undefined;

function field(value: CsvCell): string {
  if (value == null) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = guardText(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header, then the rows. */
export function toCsv(header: readonly CsvCell[], rows: readonly (readonly CsvCell[])[]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(field).join(";")).join("\r\n") + "\r\n";
}

export interface TextRow {
  /** Line of the file where the record starts (1-based), as a text editor shows it. */
  line: number;
  cells: string[];
}

/** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1251 (the Russian Excel default). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/**
 * RFC 4180 records one by one; line breaks inside quotes stay in the field. Fields are cut out of the text
 * whole, not built a character at a time: a large file stays cheap in time and memory.
 */
export function* csvRecords(text: string, delimiter: string): Generator<TextRow> {
  const n = text.length;
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const newlines = (from: number, to: number) => {
    for (let k = text.indexOf("\n", from); k >= 0 && k < to; k = text.indexOf("\n", k + 1)) line++;
  };
  while (i < n) {
    if (quoted) {
      const q = text.indexOf('"', i);
      const end = q < 0 ? n : q;
      newlines(i, end);
      field += text.slice(i, end);
      if (q < 0) i = n;
      else if (text[q + 1] === '"') {
        field += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    let j = i;
    for (; j < n; j++) {
      const c = text[j];
      if (c === delimiter || c === '"' || c === "\r" || c === "\n") break;
    }
    if (j > i) field += text.slice(i, j);
    if (j >= n) break;
    const c = text[j];
    i = j + 1;
    if (c === '"') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      if (field.trim() === "") {
        field = "";
        quoted = true;
      } else field += '"';
    } else if (c === delimiter) {
      cells.push(field);
      field = "";
    } else {
      if (c === "\r" && text[i] === "\n") i++;
      cells.push(field);
      yield { line: start, cells };
      cells = [];
      field = "";
      line++;
      start = line;
    }
  }
  if (field !== "" || cells.length > 0) {
    cells.push(field);
    yield { line: start, cells };
  }
}

/** The first `limit` records. */
export function parseCsv(text: string, delimiter: string, limit = Infinity): TextRow[] {
  const rows: TextRow[] = [];
  if (limit <= 0) return rows;
  for (const row of csvRecords(text, delimiter)) if (rows.push(row) >= limit) break;
  return rows;
}

/** The delimiter under which the first lines split into the most columns the same way. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 20_000);
  let best = ";";
  let bestScore = -1;
  for (const d of [";", ",", "\t"]) {
    const rows = parseCsv(sample, d, 12).filter((r) => r.cells.some((c) => c.trim()));
    const widths = rows.map((r) => r.cells.length);
    const max = Math.max(0, ...widths);
    // Wide and consistent: a title line above the header has one cell and must not decide.
    const score = max > 1 ? widths.filter((w) => w === max).length * max : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export interface CsvTable {
  rows: TextRow[];
  /** The file goes on past `maxRows` records: the rest was not read. */
  more: boolean;
}

/**
 * The records of a CSV file with at least one value, at most `maxRows` of them (read record by record, the
 * rest is never parsed), with the formula guard of our own files undone.
 */
export function readCsv(bytes: Uint8Array, maxRows = Infinity): CsvTable {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  const rows: TextRow[] = [];
  for (const row of csvRecords(text, detectDelimiter(text))) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    if (rows.length >= maxRows) return { rows, more: true };
    rows.push({ line: row.line, cells: row.cells.map(unguardText) });
  }
  return { rows, more: false };
}
