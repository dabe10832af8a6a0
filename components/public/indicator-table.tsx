import { formatValue } from "@/components/charts/format";
import { coverageText } from "@/lib/indicators/formulas";
import type { PublicIndicators } from "@/lib/public/types";
import { classes } from "./frame";

/**
 * Indicators × years, fact and plan side by side, a fact below its plan marked, and the coverage of each year.
 * `single`: an organisation (coverage reads «отчёт принят» or not).
 */
export function IndicatorTable({
  indicators,
  caption,
  single = false,
}: {
  indicators: PublicIndicators;
  caption: string;
  single?: boolean;
}) {
  const { years, rows } = indicators;
  const coverage = rows[0]?.cells ?? [];
  return (
    <div className="pub-scroll" tabIndex={0} role="region" aria-label={`Таблица: ${caption}`}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              №
            </th>
            <th scope="col" rowSpan={2}>
              Показатель
            </th>
            {years.map((y) => (
              <th key={y} scope="colgroup" colSpan={2} className="num">
                {y}
              </th>
            ))}
          </tr>
          <tr>
            {years.map((y) => [
              <th key={`f${y}`} scope="col" className="num">
                факт<span className="pub-sr"> {y}</span>
              </th>,
              <th key={`p${y}`} scope="col" className="num">
                план<span className="pub-sr"> {y}</span>
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td>{r.number}</td>
              <th scope="row">{r.label}</th>
              {r.cells.map((c) => [
                <td key={`f${c.year}`} className={classes("num", c.below && "pub-below")}>
                  {formatValue(c.fact, r.unit)}
                  {c.below && <span aria-hidden="true"> ▼</span>}
                  {c.below && <span className="pub-sr"> (ниже плана)</span>}
                </td>,
                <td key={`p${c.year}`} className="num">
                  {c.plan == null ? "—" : formatValue(c.plan, r.unit)}
                </td>,
              ])}
            </tr>
          ))}
          <tr>
            <td />
            <th scope="row">Охват</th>
            {coverage.map((c) => (
              <td key={c.year} colSpan={2}>
                {single ? (c.covered > 0 ? "отчёт принят" : "нет принятого отчёта") : coverageText(c)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
