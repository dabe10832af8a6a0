"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { CategoryTick } from "./category-tick";
import { barSizes, formatTick, formatValue } from "./format";

/** The drawing of ShareBarsChart (recharts, loaded once the table is on screen). */
export function drawShareBars(
  a: {
    rows: { name: string }[];
    data: { name: string; share: number | null; label: string }[];
    shareLabel: string;
    color: string;
  },
  size: { width: number; height: number } | null,
) {
  const { rows, data, shareLabel, color } = a;

  const z = barSizes(size, rows.length);
  const axis = size ? z.axis : 230;
  return (
    <BarChart
      {...(size
        ? { width: size.width, height: size.height }
        : { responsive: true, style: { width: "100%", height: Math.max(140, rows.length * 34 + 50) } })}
      accessibilityLayer={false}
      layout="vertical"
      data={data}
      margin={{ top: size ? 20 : 5, right: size ? 150 : 70, bottom: 5, left: 10 }}
    >
      <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        domain={[0, 100]}
        tick={{ fill: "#334155", fontSize: size ? 22 : 14 }}
        tickFormatter={(v: number) => formatTick(v, "%")}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={axis}
        interval={0}
        tick={(p: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => (
          <CategoryTick x={p.x} y={p.y} payload={p.payload} width={axis - 12} fontSize={z.font} />
        )}
      />
      {!size && <Tooltip formatter={(v) => formatValue(typeof v === "number" ? v : null, "%")} />}
      <Bar
        dataKey="share"
        name={shareLabel}
        fill={color}
        isAnimationActive={false}
        maxBarSize={size ? 72 : undefined}
      >
        <LabelList dataKey="label" position="right" fill="#1e293b" fontSize={z.value} />
      </Bar>
    </BarChart>
  );
}
