/**
 * Browser-only downloads of a chart for slides: the chart drawn anew at slide size (1920×1080, 16:9) under its
 * title, subtitle and legend, as SVG or PNG. No third parties.
 */
import type { ReactElement } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";

/** A slide: 16:9 at full-HD resolution. */
export const SLIDE = { width: 1920, height: 1080 } as const;
/** System fonts only: an SVG opened as an image (and the PNG made from it) cannot load the page's web fonts. */
export const EXPORT_FONT = "'PT Sans', Arial, 'Liberation Sans', sans-serif";
const PAD = 72;

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
}
/** What the file carries besides the drawing. */
export interface Decor {
  /** The indicator's (or the chart's) full name. */
  title: string;
  /** The territory and the years (or the period). */
  subtitle: string;
  legend?: LegendItem[];
}

/** Draws the chart at a given size for a file (null: on the page, as wide as its box). */
export type Draw = (size: { width: number; height: number } | null) => ReactElement;

/** A file-name-safe version of a title. */
export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "chart"
  );
}

let canvas: HTMLCanvasElement | null = null;
/** The width of a text in the export font (a character-count guess where there is no canvas). */
export function measure(text: string, fontSize: number, bold = false): number {
  if (typeof document !== "undefined") {
    canvas ??= document.createElement("canvas");
    const ctx = canvas.getContext("2d");
    if (ctx) {
      ctx.font = `${bold ? "bold " : ""}${fontSize}px ${EXPORT_FONT}`;
      return ctx.measureText(text).width;
    }
  }
  return text.length * fontSize * 0.56;
}

/** Lines of at most `width` px, broken between words (a word longer than a line stays whole). */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  bold = false,
  size: (t: string, f: number, b: boolean) => number = measure,
): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && size(next, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const NS = "http://www.w3.org/2000/svg";
function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

/** The heading of a slide: the title (up to three lines), the subtitle and the legend. */
export function slideHeader(decor: Decor) {
  const width = SLIDE.width - 2 * PAD;
  let titleSize = 46;
  let title = wrapText(decor.title, width, titleSize, true);
  while (title.length > 2 && titleSize > 32) title = wrapText(decor.title, width, (titleSize -= 4), true);
  const subtitle = wrapText(decor.subtitle, width, 30);
  const titleLine = Math.round(titleSize * 1.2);
  const subtitleTop = PAD - 8 + title.length * titleLine + 12;
  const legendTop = subtitleTop + subtitle.length * 38 + 8;
  const chartTop = legendTop + (decor.legend?.length ? 56 : 8);
  return { title, titleSize, titleLine, subtitle, subtitleTop, legendTop, chartTop };
}

/** The area left for the chart under the heading. */
export function chartArea(decor: Decor) {
  const { chartTop } = slideHeader(decor);
  return {
    x: PAD - 16,
    y: chartTop,
    width: SLIDE.width - 2 * PAD + 32,
    height: SLIDE.height - chartTop - 40,
  };
}

/** The slide as a standalone SVG: white background, the heading, then the chart drawn at slide size. */
export function composeSvg(chart: SVGSVGElement, decor: Decor): string {
  const h = slideHeader(decor);
  const area = chartArea(decor);
  const out = el("svg", {
    xmlns: NS,
    width: SLIDE.width,
    height: SLIDE.height,
    viewBox: `0 0 ${SLIDE.width} ${SLIDE.height}`,
    "font-family": EXPORT_FONT,
  }) as SVGSVGElement;
  out.appendChild(el("rect", { width: SLIDE.width, height: SLIDE.height, fill: "#ffffff" }));
  h.title.forEach((line, i) =>
    out.appendChild(
      el(
        "text",
        {
          x: PAD,
          y: PAD - 8 + (i + 1) * h.titleLine - Math.round(h.titleSize * 0.25),
          "font-size": h.titleSize,
          "font-weight": 700,
          fill: "#0f172a",
        },
        line,
      ),
    ),
  );
  h.subtitle.forEach((line, i) =>
    out.appendChild(
      el("text", { x: PAD, y: h.subtitleTop + (i + 1) * 38 - 8, "font-size": 30, fill: "#334155" }, line),
    ),
  );
  let x = PAD;
  const y = h.legendTop + 28;
  for (const item of decor.legend ?? []) {
    out.appendChild(
      el("line", {
        x1: x,
        y1: y - 9,
        x2: x + 44,
        y2: y - 9,
        stroke: item.color,
        "stroke-width": item.dashed ? 4 : 12,
        ...(item.dashed ? { "stroke-dasharray": "10 6" } : {}),
      }),
    );
    out.appendChild(el("text", { x: x + 56, y, "font-size": 26, fill: "#1e293b" }, item.label));
    x += 56 + measure(item.label, 26) + 48;
  }
  const drawing = chart.cloneNode(true) as SVGSVGElement;
  const w = Number(chart.getAttribute("width")) || area.width;
  const ht = Number(chart.getAttribute("height")) || area.height;
  drawing.setAttribute("x", String(area.x));
  drawing.setAttribute("y", String(area.y));
  drawing.setAttribute("width", String(area.width));
  drawing.setAttribute("height", String(area.height));
  drawing.setAttribute("viewBox", `0 0 ${w} ${ht}`);
  drawing.removeAttribute("style");
  drawing.removeAttribute("class");
  out.appendChild(drawing);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out);
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * The chart drawn at slide size in a detached corner of the page, read once it has settled (recharts lays out
 * its axes over a few renders), then removed. The chart's own surface is the <svg> directly in its wrapper: a
 * legend's icons are <svg>s of the same class elsewhere.
 */
async function renderForSlide(draw: Draw, decor: Decor): Promise<string | null> {
  const area = chartArea(decor);
  const host = document.createElement("div");
  host.setAttribute("aria-hidden", "true");
  host.style.cssText = `position:fixed;left:-${SLIDE.width * 2}px;top:0;width:${area.width}px;height:${area.height}px;pointer-events:none;font-family:${EXPORT_FONT}`;
  document.body.appendChild(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(draw({ width: area.width, height: area.height })));
    let last = "";
    for (let i = 0; i < 120; i++) {
      await frame();
      const svg = host.querySelector<SVGSVGElement>(".recharts-wrapper > svg.recharts-surface");
      const now = svg ? `${svg.querySelectorAll("*").length}` : "";
      if (svg && svg.querySelector(".recharts-cartesian-axis-tick") && now === last)
        return composeSvg(svg, decor);
      last = now;
    }
    return null;
  } finally {
    root.unmount();
    host.remove();
  }
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function downloadSvg(draw: Draw, filename: string, decor: Decor): Promise<void> {
  const text = await renderForSlide(draw, decor);
  if (text) saveBlob(new Blob([text], { type: "image/svg+xml;charset=utf-8" }), `${filename}.svg`);
}

/** PNG: the same slide drawn on a 1920×1080 canvas. */
export async function downloadPng(draw: Draw, filename: string, decor: Decor): Promise<void> {
  const text = await renderForSlide(draw, decor);
  if (!text) return;
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("svg"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = SLIDE.width;
    canvas.height = SLIDE.height;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, SLIDE.width, SLIDE.height);
    ctx.drawImage(img, 0, 0, SLIDE.width, SLIDE.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, "image/png"));
    if (blob) saveBlob(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
