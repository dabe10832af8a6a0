import "server-only";
import { createHash } from "node:crypto";
import { PublicFrame } from "@/components/public/frame";
import { OrgContent, ReportArchive } from "@/components/public/org-page";
import { cachedPublic, orgTag } from "./cache";
import { escapeHtml, renderHtml } from "./html";
import { embedPath, orgPath, viToggleHref, withVi } from "./links";
import { organisationIdBySlug, orgPublicData, orgReportArchive } from "./loaders";
import { HEIGHT_SCRIPT } from "./styles";

export type EmbedView = "page" | "reports";

export interface EmbedHtml {
  html: string;
  etag: string;
}

function documentOf(title: string, canonical: string, body: string): string {
  return (
    `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><link rel="canonical" href="${escapeHtml(canonical)}">` +
    `<title>${escapeHtml(title)}</title></head><body style="margin:0">${body}` +
    `<script>${HEIGHT_SCRIPT}</script></body></html>`
  );
}

async function build(organisationId: number, vi: boolean, view: EmbedView): Promise<EmbedHtml | null> {
  const self = (slug: string) => (view === "reports" ? `${embedPath(slug)}/reports` : embedPath(slug));
  let title: string;
  let canonical: string;
  let body: React.ReactNode;
  let slug: string;
  if (view === "reports") {
    const archive = await orgReportArchive(organisationId);
    if (!archive) return null;
    slug = archive.org.slug;
    title = `Все принятые отчёты — ${archive.org.shortName}`;
    canonical = `${orgPath(slug)}/reports`;
    body = (
      <ReportArchive org={archive.org} reports={archive.reports} backHref={withVi(embedPath(slug), vi)} />
    );
  } else {
    const data = await orgPublicData(organisationId);
    if (!data) return null;
    slug = data.org.slug;
    title = `Наставничество — ${data.org.shortName}`;
    canonical = orgPath(slug);
    const full = withVi(`${orgPath(slug)}#monitoring`, vi);
    const charts = vi ? undefined : (
      <p className="pub-noprint">
        <a href={full} target="_blank" rel="noopener">
          Графики показателей — на странице организации
        </a>
      </p>
    );
    body = <OrgContent data={data} vi={vi} base={embedPath(slug)} embed charts={charts} />;
  }
  const html = documentOf(
    title,
    canonical,
    renderHtml(
      <PublicFrame brand={title} vi={vi} embed viHref={viToggleHref(self(slug), vi)}>
        {body}
      </PublicFrame>,
    ),
  );
  return { html, etag: `"${createHash("sha1").update(html).digest("base64url")}"` };
}

/** The embedded page of an organisation as HTML, from the cache (tag per organisation); null for an unknown slug. */
export async function embedHtml(slug: string, vi: boolean, view: EmbedView): Promise<EmbedHtml | null> {
  const id = await organisationIdBySlug(slug);
  if (id == null) return null;
  return cachedPublic(["embed", String(id), view, vi ? "vi" : "std"], [orgTag(id)], () =>
    build(id, vi, view),
  );
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
