/** Which uploaded files are accepted: by extension, by size and by their first bytes. Pure: used in the browser too. */

export const MAX_FILE_SIZE = 10 * 1024 * 1024;

export type FileKind = "pdf" | "docx" | "odt" | "png" | "jpeg";

export const FILE_KINDS: Record<FileKind, { label: string; mime: string; extensions: string[] }> = {
  pdf: { label: "PDF", mime: "application/pdf", extensions: ["pdf"] },
  docx: {
    label: "DOCX",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  odt: { label: "ODT", mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  png: { label: "PNG", mime: "image/png", extensions: ["png"] },
  jpeg: { label: "JPEG", mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
};

/** For the `accept` attribute of a file input. */
export const ACCEPT_ATTRIBUTE = Object.values(FILE_KINDS)
  .flatMap((k) => [k.mime, ...k.extensions.map((e) => `.${e}`)])
  .join(",");

const ALLOWED_TEXT = "PDF, DOCX, ODT, PNG или JPEG";

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

export function kindByExtension(name: string): FileKind | null {
  const ext = extensionOf(name);
  const hit = (Object.keys(FILE_KINDS) as FileKind[]).find((k) => FILE_KINDS[k].extensions.includes(ext));
  return hit ?? null;
}

/** Rounded up, so that a file just over the limit never reads as «10 МБ». */
function megabytes(size: number): string {
  return (Math.ceil((size / 1024 / 1024) * 10) / 10).toLocaleString("ru-RU");
}

/** Checks what is known without reading the file: its name and size. Returns a Russian message or null. */
export function checkFileMeta(name: string, size: number): string | null {
  if (size === 0) return `Файл «${name}» пустой. Выберите другой файл.`;
  if (size > MAX_FILE_SIZE)
    return `Файл «${name}» весит ${megabytes(size)} МБ, а можно не больше 10 МБ. Уменьшите его, например отсканируйте с меньшим разрешением или сохраните в PDF.`;
  const ext = extensionOf(name);
  if (!kindByExtension(name))
    return ext
      ? `Файлы с расширением «.${ext}» не принимаются. Загрузите документ в формате ${ALLOWED_TEXT}.`
      : `У файла «${name}» нет расширения. Загрузите документ в формате ${ALLOWED_TEXT}.`;
  return null;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((b, i) => bytes[offset + i] === b);
}

function contains(bytes: Uint8Array, needle: number[]): boolean {
  const first = needle[0];
  for (
    let i = bytes.indexOf(first);
    i !== -1 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = ascii("mimetypeapplication/vnd.oasis.opendocument.text");

/** The kind the content really is, judged by its first bytes (and, for zip containers, what is inside). */
export function sniffKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ZIP)) {
    // An ODT stores the uncompressed entry «mimetype» first: its name at byte 30, its content right after.
    if (startsWith(bytes, ODT_MIMETYPE, 30)) return "odt";
    if (contains(bytes, ascii("[Content_Types].xml")) && contains(bytes, ascii("word/"))) return "docx";
  }
  return null;
}

/** Full check of an upload: name, size and content must agree. Returns the kind, or a Russian message. */
export function checkFile(
  name: string,
  bytes: Uint8Array,
): { ok: true; kind: FileKind; mime: string } | { ok: false; message: string } {
  const meta = checkFileMeta(name, bytes.length);
  if (meta) return { ok: false, message: meta };
  const expected = kindByExtension(name)!;
  const actual = sniffKind(bytes);
  if (actual !== expected) {
    const label = FILE_KINDS[expected].label;
    return {
      ok: false,
      message: `Содержимое файла «${name}» не похоже на ${label}: файл повреждён или у него изменено расширение. Загрузите настоящий документ в формате ${ALLOWED_TEXT}.`,
    };
  }
  return { ok: true, kind: actual, mime: FILE_KINDS[actual].mime };
}
