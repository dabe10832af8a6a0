/**
 * Large and hostile upload files built in a second or two: XLSX containers written by hand (the sheet's XML
 * deflated as it is generated, never held whole), with the sizes they declare true or false.
 */
import { createDeflateRaw, crc32 } from "node:zlib";

export interface ZipPart {
  name: string;
  /** Raw deflate data and what it inflates to. */
  deflated: Buffer;
  size: number;
  crc: number;
  /** The uncompressed size written in the headers, when the file is to lie about it. */
  declaredSize?: number;
}

/** Deflates the chunks as they come (level 1: fast, and repeated XML shrinks 10× anyway). */
export async function deflatePart(name: string, chunks: Iterable<string>): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk, "utf8");
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return { name, deflated: Buffer.concat(out), size, crc };
}

/** A ZIP container of the parts, in order. */
export function zipOf(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The small parts every workbook of one sheet has, the shared strings given. */
export async function workbookParts(strings: Iterable<string>) {
  const part = (name: string, xml: string) => deflatePart(name, [XML + xml]);
  const shared = await deflatePart("xl/sharedStrings.xml", sharedStrings(strings));
  return [
    await part(
      "[Content_Types].xml",
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    await part(
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    await part(
      "xl/workbook.xml",
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    await part(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    shared,
  ];
}

function* sharedStrings(strings: Iterable<string>) {
  yield `${XML}<sst xmlns="${MAIN}">`;
  for (const s of strings) yield `<si><t xml:space="preserve">${escape(s)}</t></si>`;
  yield "</sst>";
}

const column = (i: number) => String.fromCharCode(65 + i);

/**
 * The sheet's XML: the header in row 1 (shared strings 0…n-1), then `rows` rows naming one person each
 * (shared string n). `excel`: rows and cells carry the attributes Excel writes (spans, heights, styles),
 * which about doubles the unpacked size and hardly changes the packed one.
 */
export function* sheetXml(header: readonly string[], rows: number, excel = false): Generator<string> {
  yield `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:x14ac="${X14AC}"><sheetData><row r="1">`;
  yield header.map((_, i) => `<c r="${column(i)}1" t="s"><v>${i}</v></c>`).join("") + "</row>";
  const row = excel ? ' spans="1:12" x14ac:dyDescent="0.25"' : "";
  const style = excel ? ' s="1"' : "";
  let chunk = "";
  for (let r = 2; r <= rows + 1; r++) {
    chunk += `<row r="${r}"${row}><c r="B${r}"${style} t="s"><v>${header.length}</v></c></row>`;
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk + "</sheetData></worksheet>";
}

/** An XLSX of the register's header and `rows` rows that name one person each. */
export async function registerXlsx(
  header: readonly string[],
  rows: number,
  options: { excel?: boolean; declaredSheetSize?: number } = {},
): Promise<Uint8Array> {
  const sheet = await deflatePart("xl/worksheets/sheet1.xml", sheetXml(header, rows, options.excel));
  if (options.declaredSheetSize !== undefined) sheet.declaredSize = options.declaredSheetSize;
  return zipOf([...(await workbookParts([...header, "Иванова Анна Сергеевна"])), sheet]);
}

/**
 * A «zip bomb»: one shared string of `megabytes` MB of one letter, a few hundred KB packed. Gives the file
 * with the sizes declared true, or with the shared strings' size declared as given.
 */
export async function bombXlsx(header: readonly string[], megabytes: number) {
  const mb = "Я".repeat(512 * 1024);
  function* huge() {
    yield `${XML}<sst xmlns="${MAIN}"><si><t>`;
    for (let i = 0; i < megabytes; i++) yield mb;
    yield "</t></si></sst>";
  }
  const parts = await workbookParts(header);
  const bomb = await deflatePart("xl/sharedStrings.xml", huge());
  const sheet = await deflatePart("xl/worksheets/sheet1.xml", sheetXml(header, 3));
  return (declared?: number) => zipOf([...parts.slice(0, -1), { ...bomb, declaredSize: declared }, sheet]);
}

/** The bound on what one refused upload may add to the server's memory. */
export const MAX_GROWTH = 200 * 1024 * 1024;

/** Runs `fn`, sampling the process's resident memory meanwhile: its peak growth, and the time taken. */
export async function measured<T>(label: string, fn: () => Promise<T>) {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    const growth = peak - before;
    console.log(`[limits] ${label}: ${ms.toFixed(0)} ms, memory +${(growth / 1024 / 1024).toFixed(0)} MB`);
    return { result, ms, growth };
  } finally {
    clearInterval(sample);
  }
}
