import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicFrame } from "@/components/public/frame";
import { SvgIndicatorCharts } from "@/components/public/svg-line-chart";
import { OrgContent } from "@/components/public/org-page";
import { OrgFooter } from "@/components/public/org-footer";
import { isVi, orgPath, viToggleHref } from "@/lib/public/links";
import { orgPublicBySlug } from "@/lib/public/loaders";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await orgPublicBySlug((await params).slug);
  return { title: data ? `Наставничество — ${data.org.shortName}` : "Организация не найдена" };
}

/** The organisation's public «Наставничество» (seed 002): from the cache, refreshed when its data changes. */
export default async function OrgPublicPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const vi = isVi(query.vi);
  const data = await orgPublicBySlug(slug);
  if (!data) notFound();
  return (
    <PublicFrame
      brand={`Наставничество · ${data.org.shortName}`}
      vi={vi}
      viHref={viToggleHref(orgPath(slug), vi)}
      footer={<OrgFooter org={data.org} vi={vi} />}
    >
      <OrgContent
        data={data}
        vi={vi}
        base={orgPath(slug)}
        charts={vi ? undefined : <SvgIndicatorCharts indicators={data.indicators} />}
      />
    </PublicFrame>
  );
}
