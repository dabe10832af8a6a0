"use client";

import { useEffect, useState, type ReactNode } from "react";
import { downloadPng, downloadSvg, slug, type Decor, type Draw, type LegendItem } from "./download";
import { useHydrated } from "@/components/ui/use-hydrated";

const button =
  "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-3 disabled:opacity-60";

/**
 * A chart in a <figure>: heading, the drawing, its accessible data table and the download buttons. The files are
 * slides: the chart drawn anew at 1920×1080 under its full title, territory and years, and its legend.
 * The drawing (recharts, the biggest script of the app) is loaded once the page with its table is on screen: the
 * server renders the table and a box of the drawing's height, never the drawing.
 */
export function ChartFrame(props: {
  /** The indicator's (or the chart's) full name. */
  title: string;
  /** The territory and the years (or the period). */
  subtitle: string;
  description?: string;
  /** The server route that gives the chart's data as CSV (formula-guarded, recorded in the journal). */
  csvHref: string;
  table: ReactNode;
  /** Loads the drawing: the chart's recharts module, bound to its data. */
  load: () => Promise<Draw>;
  /** The drawing's height on the page (kept while it loads: nothing moves when it arrives). */
  height: number;
  /** The legend drawn into the PNG and SVG files (the page shows its own). */
  legend?: LegendItem[];
}) {
  const [busy, setBusy] = useState(false);
  // The downloads draw the chart in the browser: disabled until the script runs.
  const ready = useHydrated();
  const [draw, setDraw] = useState<{ draw: Draw } | null>(null);
  const { load } = props;
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && setDraw({ draw: d }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [load]);
  // The file is named after the title's start and the whole subtitle: a name stays under 255 bytes.
  const name = `${slug(props.title).slice(0, 40).replace(/-+$/, "")}-${slug(props.subtitle)}`;
  const decor: Decor = { title: props.title, subtitle: props.subtitle, legend: props.legend };
  const save = (what: typeof downloadPng) => async () => {
    setBusy(true);
    try {
      await what(draw?.draw ?? (await props.load()), name, decor);
    } finally {
      setBusy(false);
    }
  };
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2">
        <span className="block text-base font-semibold text-slate-900">{props.title}</span>
        <span className="block text-sm text-slate-700">{props.subtitle}</span>
        {props.description && <span className="block text-sm text-slate-600">{props.description}</span>}
      </figcaption>
      <div aria-hidden="true" data-chart-drawing="" style={draw ? undefined : { height: props.height }}>
        {draw?.draw(null)}
      </div>
      <div className="mt-3 overflow-x-auto">{props.table}</div>
      <div className="no-print mt-3 flex flex-wrap gap-2" aria-busy={busy}>
        <button type="button" className={button} disabled={busy || !ready} onClick={save(downloadPng)}>
          Скачать PNG
        </button>
        <button type="button" className={button} disabled={busy || !ready} onClick={save(downloadSvg)}>
          Скачать SVG
        </button>
        <a href={props.csvHref} className={button}>
          Данные (CSV)
        </a>
      </div>
    </figure>
  );
}
