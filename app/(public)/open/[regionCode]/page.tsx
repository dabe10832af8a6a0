import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicFrame } from "@/components/public/frame";
import { SvgIndicatorCharts } from "@/components/public/svg-line-chart";
import { OpenContent } from "@/components/public/open-view";
import { isVi, openPath, viToggleHref } from "@/lib/public/links";
import { openTerritory } from "@/lib/public/open-data";

type Props = {
  params: Promise<{ regionCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await openTerritory((await params).regionCode, null);
  return { title: t ? `Открытые данные — ${t.name}` : "Регион не найден" };
}

/** The region's indicator table from approved reports, its charts and its municipalities. */
export default async function OpenRegionPage({ params, searchParams }: Props) {
  const [{ regionCode }, query] = await Promise.all([params, searchParams]);
  const vi = isVi(query.vi);
  const t = await openTerritory(regionCode, null);
  if (!t) notFound();
  return (
    <PublicFrame brand={`Наставничество · ${t.name}`} vi={vi} viHref={viToggleHref(openPath(regionCode), vi)}>
      <OpenContent t={t} vi={vi} charts={vi ? undefined : <SvgIndicatorCharts indicators={t.indicators} />} />
    </PublicFrame>
  );
}
