import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PublicFrame } from "@/components/public/frame";
import { OpenContent } from "@/components/public/open-view";
import { SvgIndicatorCharts } from "@/components/public/svg-line-chart";
import { isVi, openPath, viToggleHref, withVi } from "@/lib/public/links";
import { openCountry, openRegions } from "@/lib/public/open-data";

export const metadata: Metadata = { title: "Открытые данные — наставничество" };

/**
 * The national open data: the country's indicator table (every region's approved reports summed) and the
 * regions whose pages the deployment publishes; with a single region, that region's page.
 */
export default async function OpenIndexPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const vi = isVi((await searchParams).vi);
  const regions = await openRegions();
  if (regions.length === 1) redirect(withVi(openPath(regions[0].code), vi));
  const country = regions.length > 0 ? await openCountry() : null;
  return (
    <PublicFrame brand="Наставничество · открытые данные" vi={vi} viHref={viToggleHref("/open", vi)}>
      {country ? (
        <>
          <OpenContent
            t={country}
            vi={vi}
            charts={vi ? undefined : <SvgIndicatorCharts indicators={country.indicators} />}
          />
          <section aria-labelledby="regions">
            <h2 id="regions">Регионы</h2>
            <ul>
              {regions.map((r) => (
                <li key={r.code}>
                  <a href={withVi(openPath(r.code), vi)}>{r.name}</a>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <>
          <h1>Открытые данные о наставничестве</h1>
          <p>Данные пока не опубликованы.</p>
        </>
      )}
    </PublicFrame>
  );
}
