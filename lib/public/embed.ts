import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { cachedPublic, orgTag, plansTag, PUBLIC_TTL, publicGeneration } from "./cache";
import { escapeHtml } from "./html";
import { organisationBySlug } from "./loaders";
import { HEIGHT_SCRIPT } from "./styles";

export type EmbedView = "page" | "reports";

/** Where scripts/server.mjs finds keptEmbed (the server is plain Node, outside the Next.js bundles). */
const KEPT_EMBED = Symbol.for("nastavnik.embed.kept");

export interface EmbedHtml {
  html: string;
  etag: string;
  /** When it was rendered (ms): a kept copy expires by this, not by when it was kept. */
  builtAt: number;
}

/** Renders the page of an organisation (components/public/embed-page.tsx); null when it has none. */
export type EmbedRenderer = (
  organisationId: number,
  vi: boolean,
  view: EmbedView,
) => Promise<EmbedHtml | null>;

function documentOf(title: string, canonical: string, body: string): string {
  return (
    `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><link rel="canonical" href="${escapeHtml(canonical)}">` +
    `<title>${escapeHtml(title)}</title></head><body style="margin:0">${body}` +
    `<script>${HEIGHT_SCRIPT}</script></body></html>`
  );
}

/** The embed's document around a rendered body (with the script that tells the parent its height), tagged. */
export function embedPage(title: string, canonical: string, body: string): EmbedHtml {
  const html = documentOf(title, canonical, body);
  return { html, etag: `"${createHash("sha1").update(html).digest("base64url")}"`, builtAt: Date.now() };
}

/**
 * The embed is the hottest public route (every visit to every school's section): the rendered HTML is also kept
 * in process memory, in front of the data cache, and dropped by any public revalidation (publicGeneration) or
 * after the data cache's own lifetime. At most MEMO_SIZE pages (~75 KB each) are kept; the oldest go first.
 */
const MEMO_SIZE = 400;
const MEMO = Symbol.for("nastavnik.embed.memo");
type Kept = { generation: number; page: EmbedHtml; raw?: Buffer; gzip?: Buffer };
type Memo = Map<string, Kept>;
function memo(): Memo {
  const g = globalThis as { [MEMO]?: Memo };
  return (g[MEMO] ??= new Map());
}
const memoKey = (slug: string, vi: boolean, view: EmbedView) => `${slug}\n${view}\n${vi ? "vi" : "std"}`;

/** The kept copy if still current (same generation, rendered less than PUBLIC_TTL ago); a hit counts as a use. */
function current(key: string): Kept | null {
  const m = memo();
  const kept = m.get(key);
  if (!kept) return null;
  if (kept.generation !== publicGeneration() || Date.now() - kept.page.builtAt >= PUBLIC_TTL * 1000) {
    m.delete(key);
    return null;
  }
  // Least recently used goes first: a hit moves the entry to the end.
  m.delete(key);
  m.set(key, kept);
  return kept;
}

/**
 * The kept page when it is still current, with its bytes as sent: UTF-8 and gzip, each encoded once. For the HTTP
 * server's fast path (scripts/server.mjs), which answers the hottest public requests without going through
 * Next.js: Next.js compresses every response anew and cannot send bytes compressed in advance. Null: let Next.js
 * answer.
 */
export function keptEmbed(
  slug: string,
  vi: boolean,
  view: EmbedView,
): { page: EmbedHtml; raw: Buffer; gzip: Buffer } | null {
  const kept = current(memoKey(slug, vi, view));
  if (!kept) return null;
  kept.raw ??= Buffer.from(kept.page.html, "utf8");
  kept.gzip ??= gzipSync(kept.raw);
  return { page: kept.page, raw: kept.raw, gzip: kept.gzip };
}
(globalThis as { [KEPT_EMBED]?: typeof keptEmbed })[KEPT_EMBED] = keptEmbed;

/**
 * The embedded page of an organisation as HTML, from the cache (tag per organisation, and the region's plans for
 * the page: its charts show them); null for an unknown slug.
 */
export async function embedHtml(
  slug: string,
  vi: boolean,
  view: EmbedView,
  render: EmbedRenderer,
): Promise<EmbedHtml | null> {
  const key = memoKey(slug, vi, view);
  const kept = current(key);
  if (kept) return kept.page;
  // Taken before reading: a revalidation during the read leaves this copy already out of date.
  const generation = publicGeneration();
  const place = await organisationBySlug(slug);
  const tags = (p: { id: number; regionId: number }) => [orgTag(p.id), plansTag(p.regionId)];
  const page =
    place &&
    (await cachedPublic(["embed", String(place.id), view, vi ? "vi" : "std"], tags(place), () =>
      render(place.id, vi, view),
    ));
  // Unknown addresses are not kept: made-up slugs must not push real pages out.
  if (page) {
    const m = memo();
    m.set(key, { generation, page });
    if (m.size > MEMO_SIZE) m.delete(m.keys().next().value!);
  }
  return page;
}

const NOT_FOUND = documentOf(
  "Организация не найдена",
  "/",
  `<main style="font:16px/1.5 sans-serif;padding:16px"><h1>Организация не найдена</h1><p>Проверьте адрес в коде для вставки: атрибут data-org должен совпадать с адресом страницы организации в «Наставнике».</p></main>`,
);

/** The response of an embed route: HTML without cookies, revalidated by ETag; 404 for an unknown organisation. */
export function embedResponse(request: Request, page: EmbedHtml | null): Response {
  const headers: Record<string, string> = {
    "Content-Type": "text/html; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
  };
  if (!page)
    return new Response(NOT_FOUND, { status: 404, headers: { ...headers, "Cache-Control": "no-store" } });
  const cache = { "Cache-Control": "public, max-age=0, must-revalidate", ETag: page.etag };
  if (request.headers.get("if-none-match") === page.etag)
    return new Response(null, { status: 304, headers: cache });
  return new Response(page.html, { headers: { ...headers, ...cache } });
}
