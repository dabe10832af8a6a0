"use client";

import { ChartFrame } from "./chart-frame";
import type { Draw } from "./download";
import { formatValue } from "./format";

export interface ShareRow {
  name: string;
  /** Percent, or null («нет данных»). */
  share: number | null;
  /** The counts behind the share, as columns of the table (already formatted). */
  details: string[];
}

/** Horizontal bars of shares (0–100 %) in the given order, with the numbers as a table under them. */
export function ShareBarsChart(props: {
  title: string;
  /** The territory and the year (or the period). */
  subtitle: string;
  description?: string;
  nameLabel: string;
  shareLabel: string;
  detailLabels: string[];
  rows: ShareRow[];
  color?: string;
  /** The same data as CSV from the server (lib/indicators/export.ts). */
  csvHref: string;
}) {
  const { title, rows, nameLabel, shareLabel, detailLabels } = props;
  const data = rows.map((r) => ({ name: r.name, share: r.share, label: formatValue(r.share, "%") }));
  const table = (
    <table className="min-w-full text-sm">
      <caption className="sr-only">{title}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-1 pr-3 font-semibold">
            {nameLabel}
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-semibold">
            {shareLabel}
          </th>
          {detailLabels.map((l) => (
            <th key={l} scope="col" className="py-1 pr-3 text-right font-semibold">
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {r.name}
            </th>
            <td className="py-1 pr-3 text-right tabular-nums">{formatValue(r.share, "%")}</td>
            {r.details.map((d, i) => (
              <td key={i} className="py-1 pr-3 text-right tabular-nums">
                {d}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const color = props.color ?? "#1f5fbf";
  const load = () =>
    import("./share-bars-drawing").then(
      (m) => (size: Parameters<Draw>[0]) => m.drawShareBars({ rows, data, shareLabel, color }, size),
    );
  return (
    <ChartFrame
      title={title}
      subtitle={props.subtitle}
      description={props.description}
      csvHref={props.csvHref}
      table={table}
      load={load}
      height={Math.max(140, rows.length * 34 + 50)}
      legend={[{ label: shareLabel, color }]}
    />
  );
}
