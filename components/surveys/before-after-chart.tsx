"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface BeforeAfterRow {
  /** Short label: «1. Мотивация…». */
  name: string;
  before: number | null;
  after: number | null;
}

const one = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

/**
 * Before vs after as paired horizontal bars (averages of one scale, or shares in %). A hidden group («менее 5»)
 * has no bar; the table under the chart says why.
 */
export function BeforeAfterChart(props: {
  rows: BeforeAfterRow[];
  max: number;
  unit: string;
  title: string;
}) {
  const height = Math.max(160, props.rows.length * 56 + 60);
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-semibold text-slate-900">{props.title}</figcaption>
      <div aria-hidden="true">
        <BarChart
          responsive
          style={{ width: "100%", height }}
          layout="vertical"
          data={props.rows}
          margin={{ left: 8, right: 24, top: 4, bottom: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, props.max]} tickFormatter={(v: number) => one.format(v)} />
          <YAxis type="category" dataKey="name" width={260} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${one.format(Number(v))}${props.unit}`} />
          <Legend />
          <Bar dataKey="before" name="До программы" fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="after" name="После программы" fill="#1f5fbf" isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
