import "server-only";
import { embedPage, type EmbedHtml, type EmbedView } from "@/lib/public/embed";
import { renderHtml } from "@/lib/public/html";
import { embedPath, orgPath, viToggleHref, withVi } from "@/lib/public/links";
import { orgPublicData, orgReportArchive } from "@/lib/public/loaders";
import { PublicFrame } from "./frame";
import { OrgContent, ReportArchive } from "./org-page";
import { SvgIndicatorCharts } from "./svg-line-chart";

/** The embedded page of an organisation (its section or all its reports) as HTML; null when it has none. */
export async function renderEmbed(
  organisationId: number,
  vi: boolean,
  view: EmbedView,
): Promise<EmbedHtml | null> {
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
    // Server-drawn SVG: the embed ships no chart library (the page of the organisation has interactive ones).
    const charts = vi ? undefined : <SvgIndicatorCharts indicators={data.indicators} />;
    body = <OrgContent data={data} vi={vi} base={embedPath(slug)} embed charts={charts} />;
  }
  return embedPage(
    title,
    canonical,
    renderHtml(
      <PublicFrame brand={title} vi={vi} embed viHref={viToggleHref(self(slug), vi)}>
        {body}
      </PublicFrame>,
    ),
  );
}
