/** Browser-only download helpers for charts: SVG/PNG from the rendered <svg>. No third parties. */

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

/** A file-name-safe version of a title. */
export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "chart"
  );
}

/** The chart's own <svg> inside a container (recharts renders a surface with class recharts-surface). */
function chartSvg(container: HTMLElement): SVGSVGElement | null {
  return container.querySelector<SVGSVGElement>("svg.recharts-surface") ?? container.querySelector("svg");
}

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
}
/** What a file for slides carries besides the drawing: the title and the legend (drawn in HTML on the page). */
export interface Decor {
  title: string;
  legend?: LegendItem[];
}

const NS = "http://www.w3.org/2000/svg";
function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

/** A standalone SVG: white background, the title and legend on top, then the rendered chart. */
export function serializeSvg(
  svg: SVGSVGElement,
  decor: Decor,
): { text: string; width: number; height: number } {
  const rect = svg.getBoundingClientRect();
  const w = Math.max(1, Math.round(rect.width || Number(svg.getAttribute("width")) || 600));
  const h = Math.max(1, Math.round(rect.height || Number(svg.getAttribute("height")) || 300));
  const top = decor.legend?.length ? 52 : 30;
  const out = el("svg", {
    xmlns: NS,
    width: w,
    height: h + top,
    viewBox: `0 0 ${w} ${h + top}`,
  }) as SVGSVGElement;
  out.setAttribute("style", "font-family: 'PT Sans', Arial, sans-serif; font-size: 12px");
  out.appendChild(el("rect", { width: "100%", height: "100%", fill: "#ffffff" }));
  out.appendChild(
    el("text", { x: 8, y: 20, "font-size": 15, "font-weight": 600, fill: "#0f172a" }, decor.title),
  );
  let x = 8;
  for (const item of decor.legend ?? []) {
    out.appendChild(
      el("line", {
        x1: x,
        y1: 40,
        x2: x + 24,
        y2: 40,
        stroke: item.color,
        "stroke-width": 3,
        ...(item.dashed ? { "stroke-dasharray": "6 4" } : {}),
      }),
    );
    out.appendChild(el("text", { x: x + 30, y: 44, fill: "#1e293b" }, item.label));
    x += 42 + item.label.length * 7;
  }
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute("x", "0");
  chart.setAttribute("y", String(top));
  chart.setAttribute("width", String(w));
  chart.setAttribute("height", String(h));
  out.appendChild(chart);
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out);
  return { text, width: w, height: h + top };
}

export function downloadSvg(container: HTMLElement | null, filename: string, decor: Decor): void {
  const svg = container && chartSvg(container);
  if (!svg) return;
  const { text } = serializeSvg(svg, decor);
  saveBlob(new Blob([text], { type: "image/svg+xml;charset=utf-8" }), `${filename}.svg`);
}

/** PNG: the serialised SVG drawn on a canvas at twice the size for sharpness. */
export function downloadPng(container: HTMLElement | null, filename: string, decor: Decor): void {
  const svg = container && chartSvg(container);
  if (!svg) return;
  const { text, width, height } = serializeSvg(svg, decor);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml;charset=utf-8" }));
  const img = new Image();
  img.onload = () => {
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) return URL.revokeObjectURL(url);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => blob && saveBlob(blob, `${filename}.png`), "image/png");
  };
  img.onerror = () => URL.revokeObjectURL(url);
  img.src = url;
}
