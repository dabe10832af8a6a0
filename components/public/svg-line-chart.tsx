import { formatTick, formatValue, type ChartUnit } from "@/components/charts/format";
import type { PublicIndicators } from "@/lib/public/types";
import type { IndicatorCode } from "@/lib/indicators/definitions";

export interface SvgPoint {
  year: number;
  fact: number | null;
  plan: number | null;
}

const W = 420;
const H = 230;
const PAD = { top: 14, right: 18, bottom: 30, left: 56 };
const FACT = "#1f5fbf";
const PLAN = "#b45309";

/** Runs of consecutive known values: a null leaves a gap, as in the interactive chart. */
function segments(points: { x: number; y: number | null }[]): { x: number; y: number }[][] {
  const out: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p.y == null) {
      if (run.length) out.push(run);
      run = [];
    } else run.push({ x: p.x, y: p.y });
  }
  if (run.length) out.push(run);
  return out;
}

function niceTop(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil((max * 1.1) / step) * step;
}

/**
 * Fact (solid) against plan (dashed) over the years as plain SVG drawn on the server: no JavaScript, for the
 * embedded page. The values are in the table beside it; the SVG carries a text summary for screen readers.
 */
export function SvgLineChart({
  title,
  unit,
  points,
}: {
  title: string;
  unit: ChartUnit;
  points: SvgPoint[];
}) {
  const known = points
    .flatMap((p) => [p.fact, p.plan])
    .filter((v): v is number => v != null && Number.isFinite(v));
  const top = unit === "%" ? 100 : niceTop(Math.max(0, ...known));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (plotW * i) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - (plotH * Math.min(Math.max(v, 0), top)) / top;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => (unit === "%" ? top * f : Math.round(top * f)));
  const series = (key: "fact" | "plan") =>
    segments(
      points.map((p, i) => ({ x: x(i), y: p[key] == null || !Number.isFinite(p[key]) ? null : y(p[key]) })),
    );
  const summary = points
    .map(
      (p) =>
        `${p.year}: факт ${formatValue(p.fact, unit)}, план ${p.plan == null ? "не задан" : formatValue(p.plan, unit)}`,
    )
    .join("; ");
  return (
    <figure className="pub-svg-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${title}. ${summary}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="14" fill="#334155">
              {formatTick(t, unit)}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={p.year} x={x(i)} y={H - 8} textAnchor="middle" fontSize="14" fill="#334155">
            {p.year}
          </text>
        ))}
        {series("plan").map((run, i) => (
          <g key={`p${i}`} stroke={PLAN} fill={PLAN}>
            <polyline
              points={run.map((p) => `${p.x},${p.y}`).join(" ")}
              fill="none"
              strokeWidth="2"
              strokeDasharray="6 4"
            />
            {run.map((p) => (
              <circle key={p.x} cx={p.x} cy={p.y} r="3" />
            ))}
          </g>
        ))}
        {series("fact").map((run, i) => (
          <g key={`f${i}`} stroke={FACT} fill={FACT}>
            <polyline points={run.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" strokeWidth="2.5" />
            {run.map((p) => (
              <circle key={p.x} cx={p.x} cy={p.y} r="4" />
            ))}
          </g>
        ))}
      </svg>
      <p className="pub-svg-legend" aria-hidden="true">
        {/* Swatches drawn as SVG: the embed's HTML renderer keeps attributes, not style objects. */}
        <span>
          <svg width="22" height="10" viewBox="0 0 22 10">
            <line x1="1" x2="21" y1="5" y2="5" stroke={FACT} strokeWidth="3" />
          </svg>{" "}
          Факт
        </span>
        <span>
          <svg width="22" height="10" viewBox="0 0 22 10">
            <line x1="1" x2="21" y1="5" y2="5" stroke={PLAN} strokeWidth="2" strokeDasharray="5 3" />
          </svg>{" "}
          План
        </span>
      </p>
    </figure>
  );
}

/** The headline indicators (Н1, Н2) as server-drawn SVG charts: the public pages and the embed ship no chart library. */
export function SvgIndicatorCharts({
  indicators,
  codes = ["N1", "N2"],
}: {
  indicators: PublicIndicators;
  codes?: IndicatorCode[];
}) {
  const rows = indicators.rows.filter((r) => codes.includes(r.code));
  if (rows.length === 0) return null;
  return (
    <div className="pub-charts">
      {rows.map((r) => (
        <SvgLineChart
          key={r.code}
          title={`${r.number}. ${r.label}`}
          unit={r.unit}
          points={r.cells.map((c) => ({ year: c.year, fact: c.fact, plan: c.plan }))}
        />
      ))}
    </div>
  );
}
