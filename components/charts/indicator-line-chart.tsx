"use client";

import type { JSX } from "react";
import { ChartFrame } from "./chart-frame";
import type { Draw } from "./download";
import { belowPlan, formatValue } from "./format";

export interface LinePoint {
  year: number;
  fact: number | null;
  plan: number | null;
}

const FACT = "#1f5fbf";
const PLAN = "#b45309";

/** Fact (solid) against plan (dashed) over the years; null values leave a gap. */
export function IndicatorLineChart(props: {
  /** The indicator's full name. */
  title: string;
  /** The territory and the years. */
  subtitle: string;
  unit: "%" | "ед.";
  points: LinePoint[];
  height?: number;
  /** The same data as CSV from the server (lib/indicators/export.ts). */
  csvHref: string;
}): JSX.Element {
  const { title, unit, points } = props;
  const height = props.height ?? 280;
  const max = Math.max(0, ...points.flatMap((p) => [p.fact ?? 0, p.plan ?? 0]).filter(Number.isFinite));
  const domainTop = unit === "%" ? 100 : Math.max(1, Math.ceil(max * 1.1));
  const table = (
    <table className="min-w-full text-sm">
      <caption className="sr-only">{`${title}: значения по годам`}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-1 pr-4 font-semibold">
            Год
          </th>
          <th scope="col" className="py-1 pr-4 text-right font-semibold">
            Факт
          </th>
          <th scope="col" className="py-1 text-right font-semibold">
            План
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => {
          const below = belowPlan(p.fact, p.plan);
          return (
            <tr key={p.year} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-4 text-left font-normal">
                {p.year}
              </th>
              <td
                className={`py-1 pr-4 text-right tabular-nums ${below ? "font-semibold text-red-700" : ""}`}
              >
                {formatValue(p.fact, unit)}
                {below && <span> ▼ ниже плана</span>}
              </td>
              <td className="py-1 text-right tabular-nums">
                {p.plan == null ? "не задан" : formatValue(p.plan, unit)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  const load = () =>
    import("./indicator-line-drawing").then(
      (m) => (size: Parameters<Draw>[0]) => m.drawIndicatorLine({ points, unit, height, domainTop }, size),
    );
  return (
    <ChartFrame
      title={title}
      subtitle={props.subtitle}
      csvHref={props.csvHref}
      table={table}
      load={load}
      height={height}
      legend={[
        { label: "Факт", color: FACT },
        { label: "План", color: PLAN, dashed: true },
      ]}
    />
  );
}
