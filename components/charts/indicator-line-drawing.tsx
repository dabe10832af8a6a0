"use client";

import { CartesianGrid, LabelList, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatTick, formatValue } from "./format";

const FACT = "#1f5fbf";
const PLAN = "#b45309";

/** The drawing of IndicatorLineChart (recharts, loaded once the table is on screen). */
export function drawIndicatorLine(
  a: {
    points: { year: number; fact: number | null; plan: number | null }[];
    unit: "%" | "ед.";
    height: number;
    domainTop: number;
  },
  size: { width: number; height: number } | null,
) {
  const { points, unit, height, domainTop } = a;

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
}
