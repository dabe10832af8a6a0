"use client";

import type { JSX } from "react";
import { CartesianGrid, LabelList, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import type { Draw } from "./download";
import { belowPlan, formatTick, formatValue } from "./format";

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
  const draw: Draw = (size) => {
    // On a slide: bigger type and lines, the values written at the points.
    const font = size ? 24 : 12;
    return (
      <LineChart
        {...(size
          ? { width: size.width, height: size.height }
          : { responsive: true, style: { width: "100%", height } })}
        accessibilityLayer={false}
        data={points}
        margin={
          size ? { top: 40, right: 60, bottom: 10, left: 10 } : { top: 10, right: 20, bottom: 5, left: 0 }
        }
      >
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis
          dataKey="year"
          tick={{ fill: "#334155", fontSize: size ? 26 : 14 }}
          tickMargin={size ? 12 : 4}
          padding={size ? { left: 60, right: 60 } : undefined}
        />
        <YAxis
          domain={[0, domainTop]}
          tick={{ fill: "#334155", fontSize: size ? font : 14 }}
          tickFormatter={(v: number) => formatTick(v, unit)}
          width={size ? 110 : unit === "%" ? 56 : 48}
        />
        {!size && <Tooltip formatter={(v) => formatValue(typeof v === "number" ? v : null, unit)} />}
        {!size && <Legend />}
        <Line
          type="linear"
          dataKey="fact"
          name="Факт"
          stroke={FACT}
          strokeWidth={size ? 5 : 2.5}
          dot={{ r: size ? 8 : 4 }}
          connectNulls={false}
          isAnimationActive={false}
        >
          {size && (
            <LabelList
              dataKey="fact"
              position="top"
              offset={16}
              fill={FACT}
              fontSize={font}
              fontWeight={700}
              formatter={(v) => (typeof v === "number" ? formatValue(v, unit) : "")}
            />
          )}
        </Line>
        <Line
          type="linear"
          dataKey="plan"
          name="План"
          stroke={PLAN}
          strokeWidth={size ? 4 : 2}
          strokeDasharray={size ? "14 8" : "6 4"}
          dot={{ r: size ? 6 : 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    );
  };
  return (
    <ChartFrame
      title={title}
      subtitle={props.subtitle}
      csvHref={props.csvHref}
      table={table}
      draw={draw}
      legend={[
        { label: "Факт", color: FACT },
        { label: "План", color: PLAN, dashed: true },
      ]}
    />
  );
}
