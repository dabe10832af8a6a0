import { openPath, orgPath, withVi } from "@/lib/public/links";
import type { OpenOrganisation } from "@/lib/public/open-data";
import type { OpenTerritory } from "@/lib/public/types";
import { IndicatorTable } from "./indicator-table";

/**
 * The open data of a region or a municipality: the indicator table, the files, the charts (a slot), the children
 * (a region's municipalities, a municipality's organisations with links to their pages).
 */
export function OpenContent({
  t,
  vi,
  charts,
  organisations = [],
}: {
  t: OpenTerritory;
  vi: boolean;
  charts?: React.ReactNode;
  organisations?: OpenOrganisation[];
}) {
  const self = openPath(t.region.code, t.municipality?.slug);
  const years = t.indicators.years;
  const span = years.length ? `${years[0]}–${years[years.length - 1]} гг.` : "";
  return (
    <>
      {t.level !== "country" && (
        <nav aria-label="Навигация по открытым данным" className="pub-toc">
          <ul>
            <li>
              <a href={withVi("/open", vi)}>Открытые данные</a>
            </li>
            {t.municipality && (
              <li>
                <a href={withVi(openPath(t.region.code), vi)}>{t.region.name}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
      <h1>Показатели целевой модели наставничества</h1>
      <p className="pub-lead">
        {t.name}
        {t.municipality ? ` · ${t.region.name}` : ""}
      </p>
      <p>
        Значения рассчитаны по утверждённым квартальным отчётам образовательных организаций: за год берётся
        последний принятый отчёт года. Охват показывает, по скольким организациям есть данные.
        {t.level === "country" &&
          " По стране числители и знаменатели регионов складываются; план страны — планы регионов, взвешенные по знаменателю показателя."}
      </p>
      <p>
        Скачать: <a href={`${self}/indicators.csv`}>таблица CSV</a> ·{" "}
        <a href={`${self}/indicators.json`}>JSON</a>
      </p>
      {t.level === "region" && (
        <p>
          <a href={withVi(`${self}/practices`, vi)}>Банк лучших практик наставничества региона</a> —
          программы, признанные лучшими, с целями и результатами.
        </p>
      )}
      <IndicatorTable indicators={t.indicators} caption={`Показатели: ${t.name}, ${span}`} />
      {charts}
      {t.children.length > 0 && (
        <section aria-labelledby="municipalities">
          <h2 id="municipalities">Муниципальные образования</h2>
          <ul>
            {t.children.map((m) => (
              <li key={m.slug}>
                <a href={withVi(openPath(t.region.code, m.slug), vi)}>{m.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {organisations.length > 0 && (
        <section aria-labelledby="organisations">
          <h2 id="organisations">Образовательные организации</h2>
          <p>Страница каждой организации — её программы, документы, мероприятия и отчёты о наставничестве.</p>
          <ul>
            {organisations.map((o) => (
              <li key={o.slug}>
                <a href={withVi(orgPath(o.slug), vi)}>{o.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
