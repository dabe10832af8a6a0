"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import type { BarItem } from "@/lib/indicators/view";
import { CategoryTick } from "./category-tick";
import { barSizes, formatTick, formatValue, type ChartUnit } from "./format";

const FILL = "#1f5fbf";
const BELOW = "#b91c1c";
const TARGET = "#92400e";

/** The drawing of IndicatorBarsChart (recharts, loaded once the table is on screen). */
export function drawIndicatorBars(
  a: {
    items: BarItem[];
    data: (BarItem & { label: string })[];
    unit: ChartUnit;
    top: number;
    target: number | null;
    follow: (href: string) => void;
  },
  size: { width: number; height: number } | null,
) {
  const { items, data, unit, top, target } = a;

  const z = barSizes(size, items.length);
  return (
    <BarChart
      {...(size
        ? { width: size.width, height: size.height }
        : { responsive: true, style: { width: "100%", height: Math.max(160, items.length * 30 + 60) } })}
      accessibilityLayer={false}
      layout="vertical"
      data={data}
      margin={{ top: size ? 40 : 20, right: size ? 150 : 70, bottom: 5, left: 10 }}
    >
      <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        domain={[0, top]}
        tick={{ fill: "#334155", fontSize: size ? 22 : 14 }}
        tickFormatter={(v: number) => formatTick(v, unit)}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={z.axis}
        interval={0}
        tick={(p: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => (
          <CategoryTick x={p.x} y={p.y} payload={p.payload} width={z.axis - 12} fontSize={z.font} />
        )}
      />
      {!size && <Tooltip formatter={(v) => formatValue(typeof v === "number" ? v : null, unit)} />}
      <Bar
        maxBarSize={size ? 72 : undefined}
        dataKey="value"
        name="Факт"
        isAnimationActive={false}
        cursor={!size && items.some((i) => i.href) ? "pointer" : undefined}
        shape={(p: BarShapeProps) => <Rectangle {...p} fill={items[p.index]?.below ? BELOW : FILL} />}
        onClick={(_, index) => {
          const href = items[index]?.href;
          if (href) a.follow(href);
        }}
      >
        <LabelList
          dataKey="label"
          position="right"
          fill="#1e293b"
          fontSize={z.value}
          // A white halo keeps a value readable where the plan line crosses it.
          stroke="#ffffff"
          strokeWidth={size ? 12 : 6}
          strokeLinejoin="round"
          paintOrder="stroke"
        />
      </Bar>
      {target != null && (
        <ReferenceLine
          x={target}
          stroke={TARGET}
          strokeWidth={size ? 4 : 2}
          strokeDasharray={size ? "14 8" : "6 4"}
          label={{
            value: "План",
            position: "top",
            fill: TARGET,
            fontWeight: 600,
            fontSize: size ? 24 : 14,
          }}
          ifOverflow="extendDomain"
        />
      )}
    </BarChart>
  );
}
