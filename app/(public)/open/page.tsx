import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PublicFrame } from "@/components/public/frame";
import { isVi, openPath, viToggleHref, withVi } from "@/lib/public/links";
import { openRegions } from "@/lib/public/open-data";

export const metadata: Metadata = { title: "Открытые данные — наставничество" };

/** The regions whose open data the deployment publishes; with a single region, that region's page. */
export default async function OpenIndexPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const vi = isVi((await searchParams).vi);
  const regions = await openRegions();
  if (regions.length === 1) redirect(withVi(openPath(regions[0].code), vi));
  return (
    <PublicFrame brand="Наставничество · открытые данные" vi={vi} viHref={viToggleHref("/open", vi)}>
      <h1>Открытые данные о наставничестве</h1>
      <p className="pub-lead">Показатели целевой модели наставничества по регионам и муниципалитетам.</p>
      {regions.length === 0 ? (
        <p>Данные пока не опубликованы.</p>
      ) : (
        <ul>
          {regions.map((r) => (
            <li key={r.code}>
              <a href={withVi(openPath(r.code), vi)}>{r.name}</a>
            </li>
          ))}
        </ul>
      )}
    </PublicFrame>
  );
}
