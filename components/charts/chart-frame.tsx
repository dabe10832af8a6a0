"use client";

import { useRef, type ReactNode } from "react";
import { downloadPng, downloadSvg, slug, type LegendItem } from "./download";

const button =
  "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-3";

/** A chart in a <figure>: heading, the drawing, its accessible data table and the download buttons. */
export function ChartFrame(props: {
  title: string;
  description?: string;
  /** The server route that gives the chart's data as CSV (formula-guarded, recorded in the journal). */
  csvHref: string;
  table: ReactNode;
  children: ReactNode;
  /** The legend drawn into the PNG and SVG files (the page shows its own). */
  legend?: LegendItem[];
}) {
  const drawing = useRef<HTMLDivElement>(null);
  const name = slug(props.title);
  const decor = { title: props.title, legend: props.legend };
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2">
        <span className="block text-base font-semibold text-slate-900">{props.title}</span>
        {props.description && <span className="block text-sm text-slate-600">{props.description}</span>}
      </figcaption>
      <div ref={drawing} aria-hidden="true">
        {props.children}
      </div>
      <div className="mt-3 overflow-x-auto">{props.table}</div>
      <div className="no-print mt-3 flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => downloadPng(drawing.current, name, decor)}>
          Скачать PNG
        </button>
        <button type="button" className={button} onClick={() => downloadSvg(drawing.current, name, decor)}>
          Скачать SVG
        </button>
        <a href={props.csvHref} className={button}>
          Данные (CSV)
        </a>
      </div>
    </figure>
  );
}
