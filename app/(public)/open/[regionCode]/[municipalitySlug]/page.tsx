import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicFrame } from "@/components/public/frame";
import { SvgIndicatorCharts } from "@/components/public/svg-line-chart";
import { OpenContent } from "@/components/public/open-view";
import { isVi, openPath, viToggleHref } from "@/lib/public/links";
import { openOrganisations, openTerritory } from "@/lib/public/open-data";

type Props = {
  params: Promise<{ regionCode: string; municipalitySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { regionCode, municipalitySlug } = await params;
  const t = await openTerritory(regionCode, municipalitySlug);
  return { title: t ? `Открытые данные — ${t.name}` : "Муниципалитет не найден" };
}

/** A municipality's indicator table from approved reports, with its own plan where the admin set one. */
export default async function OpenMunicipalityPage({ params, searchParams }: Props) {
  const [{ regionCode, municipalitySlug }, query] = await Promise.all([params, searchParams]);
  const vi = isVi(query.vi);
  const t = await openTerritory(regionCode, municipalitySlug);
  if (!t || !t.municipality) notFound();
  const organisations = await openOrganisations(t.region.id, t.municipality.id);
  return (
    <PublicFrame
      brand={`Наставничество · ${t.name}`}
      vi={vi}
      viHref={viToggleHref(openPath(regionCode, municipalitySlug), vi)}
    >
      <OpenContent
        t={t}
        vi={vi}
        charts={vi ? undefined : <SvgIndicatorCharts indicators={t.indicators} />}
        organisations={organisations}
      />
    </PublicFrame>
  );
}
