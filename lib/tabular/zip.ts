/**
 * The parts of a ZIP container (an XLSX file) already in memory, inflated one at a time as a stream of text,
 * never more than a budget of uncompressed bytes: a small file may unpack into gigabytes (a «zip bomb»).
 * The sizes the container declares are checked first and then counted as the bytes come out, since a file
 * may lie about them.
 */
import { createInflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the central directory declares it: checked before inflating, enforced while inflating. */
  size: number;
  dataOffset: number;
}

/** The file is not a ZIP container we can read (truncated, encrypted, an unknown compression). */
export class ZipDamaged extends Error {
  constructor(reason: string) {
    super(`ZIP: ${reason}`);
    this.name = "ZipDamaged";
  }
}

/** The parts read so far unpack into more than the budget allows. */
export class ZipTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`ZIP: more than ${limit} bytes unpacked`);
    this.name = "ZipTooLarge";
  }
}

/** Bytes left to unpack, shared by every part read from one file. */
export interface ZipBudget {
  left: number;
  readonly limit: number;
}

export function zipBudget(limit: number): ZipBudget {
  return { left: limit, limit };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

/** The entries of the central directory, by name. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end record is the last thing in the file, followed by a comment of at most 65 535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipDamaged("no end of central directory");
  const count = u16(end + 10);
  const dirSize = u32(end + 12);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipDamaged("ZIP64 directory");
  if (count > MAX_ENTRIES) throw new ZipDamaged("too many entries");
  if (at + dirSize > end) throw new ZipDamaged("central directory out of bounds");
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) throw new ZipDamaged("bad central directory");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let local = u32(at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64: the sizes and the offset that do not fit 32 bits follow in an extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        const next = () => {
          if (p + 8 > extra + 4 + length) throw new ZipDamaged("bad ZIP64 field");
          const value = Number(view.getBigUint64(p, true));
          p += 8;
          return value;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (local === 0xffffffff) local = next();
      }
      extra += 4 + length;
    }
    at = extraEnd + commentLength;
    if (name.endsWith("/")) continue;
    if (flags & 0x1) throw new ZipDamaged("encrypted entry");
    if (method !== 0 && method !== 8) throw new ZipDamaged(`compression method ${method}`);
    if (local + 30 > bytes.length || u32(local) !== LOCAL) throw new ZipDamaged("bad local header");
    const dataOffset = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataOffset + compressedSize > bytes.length) throw new ZipDamaged("entry out of bounds");
    entries.set(name, { name, method, compressedSize, size, dataOffset });
  }
  return entries;
}

/**
 * The entry as UTF-8 text, chunk by chunk (a character split between chunks is decoded whole). Throws
 * ZipTooLarge before inflating when the declared size exceeds what is left of the budget, and while
 * inflating as soon as the bytes exceed the budget; ZipDamaged when they exceed the declared size.
 */
export async function* zipText(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ZipBudget,
): AsyncGenerator<string> {
  if (entry.size > budget.left) throw new ZipTooLarge(budget.limit);
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const decoder = new TextDecoder("utf-8");
  let produced = 0;
  const count = (length: number) => {
    produced += length;
    budget.left -= length;
    if (budget.left < 0) throw new ZipTooLarge(budget.limit);
    if (produced > entry.size) throw new ZipDamaged(`${entry.name} is larger than declared`);
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 64 * 1024) {
      const chunk = data.subarray(at, at + 64 * 1024);
      count(chunk.length);
      yield decoder.decode(chunk, { stream: true });
    }
  } else {
    // Streams keep at most a chunk or two inflated ahead of the reader: memory stays flat however large.
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        count(chunk.length);
        yield decoder.decode(chunk, { stream: true });
      }
    } catch (error) {
      if (error instanceof ZipTooLarge || error instanceof ZipDamaged) throw error;
      throw new ZipDamaged(`${entry.name}: ${(error as Error).message}`);
    } finally {
      inflate.destroy();
    }
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
