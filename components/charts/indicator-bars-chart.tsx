"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { coverageText } from "@/lib/indicators/formulas";
import type { BarItem } from "@/lib/indicators/view";
import { ChartFrame } from "./chart-frame";
import type { Draw } from "./download";
import { formatValue, type ChartUnit } from "./format";

/** The drawing's colours (the legend is drawn here, before recharts arrives). */
const FILL = "#1f5fbf";
const BELOW = "#b91c1c";
const TARGET = "#92400e";

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
  const load = () =>
    import("./indicator-bars-drawing").then(
      (m) => (size: Parameters<Draw>[0]) =>
        m.drawIndicatorBars({ items, data, unit, top, target, follow: (href) => router.push(href) }, size),
    );
  return (
    <ChartFrame
      title={title}
      subtitle={props.subtitle}
      description={description}
      csvHref={props.csvHref}
      table={table}
      load={load}
      height={Math.max(160, items.length * 30 + 60)}
      legend={[
        { label: "Факт", color: FILL },
        { label: "Ниже плана", color: BELOW },
        ...(target == null ? [] : [{ label: "План", color: TARGET, dashed: true }]),
      ]}
    />
  );
}
