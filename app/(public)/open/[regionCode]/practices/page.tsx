import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicFrame } from "@/components/public/frame";
import { OpenPracticesView } from "@/components/public/practices-view";
import { isVi, openPath, viToggleHref } from "@/lib/public/links";
import { openRegions } from "@/lib/public/open-data";
import { openPractices } from "@/lib/public/practices";

type Props = {
  params: Promise<{ regionCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const regionOf = async (code: string) => (await openRegions()).find((r) => r.code === code) ?? null;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await regionOf((await params).regionCode);
  return { title: region ? `Лучшие практики наставничества — ${region.name}` : "Регион не найден" };
}

/** Open data: the region's best practices (programmes and organisations; no personal data). */
export default async function OpenPracticesPage({ params, searchParams }: Props) {
  const [{ regionCode }, query] = await Promise.all([params, searchParams]);
  const vi = isVi(query.vi);
  const region = await regionOf(regionCode);
  if (!region) notFound();
  const practices = await openPractices(region.id);
  return (
    <PublicFrame
      brand={`Наставничество · ${region.name}`}
      vi={vi}
      viHref={viToggleHref(`${openPath(regionCode)}/practices`, vi)}
    >
      <OpenPracticesView region={region} practices={practices} vi={vi} />
    </PublicFrame>
  );
}
