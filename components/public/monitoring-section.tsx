import { peopleCount } from "@/lib/public/privacy";
import type { FormatCount, PublicIndicators } from "@/lib/public/types";
import { IndicatorTable } from "./indicator-table";

/** Раздел 5: the organisation's indicators over the years, the charts (a slot), and people by format. */
export function MonitoringSection({
  indicators,
  byFormat,
  charts,
}: {
  indicators: PublicIndicators;
  byFormat: FormatCount[];
  charts?: React.ReactNode;
}) {
  const span = indicators.years.length
    ? `${indicators.years[0]}–${indicators.years[indicators.years.length - 1]}`
    : "";
  return (
    <section aria-labelledby="monitoring">
      <h2 id="monitoring">5. Мониторинг</h2>
      <p className="pub-muted">
        Показатели эффективности внедрения целевой модели по принятым квартальным отчётам (за год — последний
        принятый отчёт года). План — муниципальный, а где он не задан, региональный.
      </p>
      <IndicatorTable indicators={indicators} caption={`Показатели организации, ${span} гг.`} single />
      {charts}
      <h3>Наставники и наставляемые по формам наставничества</h3>
      {byFormat.length === 0 ? (
        <p>Наставнических пар пока нет.</p>
      ) : (
        <div
          className="pub-scroll"
          tabIndex={0}
          role="region"
          aria-label="Таблица: численность участников по формам наставничества"
        >
          <table>
            <caption>Численность участников по формам наставничества (без повторов)</caption>
            <thead>
              <tr>
                <th scope="col">Форма наставничества</th>
                <th scope="col" className="num">
                  Наставников
                </th>
                <th scope="col" className="num">
                  Наставляемых
                </th>
              </tr>
            </thead>
            <tbody>
              {byFormat.map((f) => (
                <tr key={f.format} className={f.format === "total" ? "pub-total" : undefined}>
                  <th scope="row">{f.format === "total" ? f.label : `«${f.label}»`}</th>
                  <td className="num">{peopleCount(f.mentors)}</td>
                  <td className="num">{peopleCount(f.mentees)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
