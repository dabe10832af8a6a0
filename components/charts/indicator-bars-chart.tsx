"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
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
import { coverageText } from "@/lib/indicators/formulas";
import type { BarItem } from "@/lib/indicators/view";
import { CategoryTick } from "./category-tick";
import { ChartFrame } from "./chart-frame";
import type { Draw } from "./download";
import { formatTick, formatValue, type ChartUnit } from "./format";

const FILL = "#1f5fbf";
const BELOW = "#b91c1c";
const TARGET = "#92400e";

/** Sizes of the drawing on the page, or on a slide of `height` px for `rows` bars. */
export function barSizes(size: { width: number; height: number } | null, rows: number) {
  if (!size) return { font: 12, axis: 210, row: 30, value: 12 };
  const row = (size.height - 70) / Math.max(1, rows);
  const font = Math.max(12, Math.min(24, Math.floor(row * 0.42)));
  return {
    font,
    axis: Math.round(size.width * 0.3),
    row,
    value: Math.max(12, Math.min(26, Math.floor(row * 0.5))),
  };
}

/** Horizontal bars sorted descending, the target as a line «План»; a click on a bar follows its link. */
export function IndicatorBarsChart(props: {
  /** The indicator's full name. */
  title: string;
  /** Whose bars, the territory and the year. */
  subtitle: string;
  description?: string;
  unit: ChartUnit;
  childLabel: string;
  items: BarItem[];
  target: number | null;
  /** The same data as CSV from the server (lib/indicators/export.ts). */
  csvHref: string;
}) {
  const { title, unit, items, target, childLabel } = props;
  const router = useRouter();
  const max = Math.max(target ?? 0, ...items.map((i) => i.value ?? 0));
  const top = unit === "%" ? 100 : Math.max(1, Math.ceil(max * 1.15));
  const data = items.map((i) => ({ ...i, label: formatValue(i.value, unit) }));
  const table = (
    <table className="min-w-full text-sm">
      <caption className="sr-only">{`${title}: значения в порядке убывания`}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-1 pr-3 font-semibold">
            Место
          </th>
          <th scope="col" className="py-1 pr-3 font-semibold">
            {childLabel}
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-semibold">
            Факт
          </th>
          <th scope="col" className="py-1 font-semibold">
            Охват
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((b, i) => (
          <tr key={b.id} className="border-b border-slate-100">
            <td className="py-1 pr-3 tabular-nums">{b.value == null ? "—" : i + 1}</td>
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {b.href ? (
                <Link href={b.href} className="text-brand-700 underline">
                  {b.name}
                </Link>
              ) : (
                b.name
              )}
            </th>
            <td
              className={`py-1 pr-3 text-right tabular-nums ${b.below ? "font-semibold text-red-700" : ""}`}
            >
              {formatValue(b.value, unit)}
              {b.below && <span> ▼ ниже плана</span>}
            </td>
            <td className="py-1 text-slate-600">{coverageText(b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const description = [
    props.description,
    target == null
      ? "План на этот год не задан."
      : `План — ${formatValue(target, unit)}; красным — ниже плана.`,
  ]
    .filter(Boolean)
    .join(" ");
  const draw: Draw = (size) => {
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
            if (href) router.push(href);
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
  };
  return (
    <ChartFrame
      title={title}
      subtitle={props.subtitle}
      description={description}
      csvHref={props.csvHref}
      table={table}
      draw={draw}
      legend={[
        { label: "Факт", color: FILL },
        { label: "Ниже плана", color: BELOW },
        ...(target == null ? [] : [{ label: "План", color: TARGET, dashed: true }]),
      ]}
    />
  );
}
