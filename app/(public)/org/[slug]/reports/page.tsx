import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicFrame } from "@/components/public/frame";
import { ReportArchive } from "@/components/public/org-page";
import { OrgFooter } from "@/components/public/org-footer";
import { isVi, orgPath, viToggleHref, withVi } from "@/lib/public/links";
import { orgReportsBySlug } from "@/lib/public/loaders";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await orgReportsBySlug((await params).slug);
  return { title: data ? `Все принятые отчёты — ${data.org.shortName}` : "Организация не найдена" };
}

/** Every approved quarterly report of the organisation (the page shows the latest four). */
export default async function OrgReportsPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const vi = isVi(query.vi);
  const data = await orgReportsBySlug(slug);
  if (!data) notFound();
  return (
    <PublicFrame
      brand={`Наставничество · ${data.org.shortName}`}
      vi={vi}
      viHref={viToggleHref(`${orgPath(slug)}/reports`, vi)}
      footer={<OrgFooter org={data.org} vi={vi} />}
    >
      <ReportArchive org={data.org} reports={data.reports} backHref={withVi(orgPath(slug), vi)} />
    </PublicFrame>
  );
}
