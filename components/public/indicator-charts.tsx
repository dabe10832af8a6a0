import { IndicatorLineChart } from "@/components/charts/indicator-line-chart";
import type { IndicatorCode } from "@/lib/indicators/definitions";
import type { PublicIndicators } from "@/lib/public/types";

/** Line charts (fact against plan) of the headline indicators; not in the version for the visually impaired. */
export function IndicatorCharts({
  indicators,
  codes = ["N1", "N2"],
}: {
  indicators: PublicIndicators;
  codes?: IndicatorCode[];
}) {
  const rows = indicators.rows.filter((r) => codes.includes(r.code));
  if (rows.length === 0) return null;
  return (
    <div className="pub-charts pub-chart">
      {rows.map((r) => (
        <IndicatorLineChart
          key={r.code}
          title={`${r.number}. ${r.label}`}
          unit={r.unit}
          points={r.cells.map((c) => ({ year: c.year, fact: c.fact, plan: c.plan }))}
          height={240}
        />
      ))}
    </div>
  );
}
