/** A safe download name and its Content-Disposition header (RFC 6266 with RFC 5987 `filename*`). Pure. */

const MAX_NAME = 150;

/** The last path segment without control characters, quotes or characters that file systems refuse. */
export function safeFileName(name: string, fallback = "document"): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (!base) return fallback;
  if (base.length <= MAX_NAME) return base;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, MAX_NAME - ext.length) + ext;
}

/** RFC 5987 percent-encoding: everything outside attr-char, including ' ( ) * which encodeURIComponent keeps. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const TRANSLIT: Record<string, string> = Object.fromEntries(
  "а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:iu я:ia"
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/** A readable ASCII stand-in for clients that ignore `filename*`: Russian transliterated, the rest «_». */
function asciiName(name: string): string {
  const latin = Array.from(name, (c) => {
    const t = TRANSLIT[c.toLowerCase()];
    if (t === undefined) return c;
    return c === c.toLowerCase() ? t : t.charAt(0).toUpperCase() + t.slice(1);
  }).join("");
  return latin.replace(/[^A-Za-z0-9.-]+/g, "_").replace(/^[_.]+|[_.]+$/g, "");
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` — old clients get a readable ASCII name, others the real one. */
export function contentDisposition(name: string, type: "attachment" | "inline" = "attachment"): string {
  const safe = safeFileName(name);
  const dot = safe.lastIndexOf(".");
  const ext = dot > 0 ? asciiName(safe.slice(dot + 1)) : "";
  const stem = asciiName(dot > 0 ? safe.slice(0, dot) : safe) || "document";
  return `${type}; filename="${stem}${ext ? `.${ext}` : ""}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
