"use client";

import { wrapText } from "./download";

/** What recharts hands a custom tick of a category axis. */
interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * A category name on the left of horizontal bars, whole: broken into lines between words, right-aligned to the
 * axis and centred on the bar; the full name is also the tick's <title>.
 */
export function CategoryTick({
  x = 0,
  y = 0,
  payload,
  width,
  fontSize,
  maxLines = 3,
}: TickProps & { width: number; fontSize: number; maxLines?: number }) {
  const name = String(payload?.value ?? "");
  let size = fontSize;
  let lines = wrapText(name, width, size);
  // A name too long for the lines it has gets a smaller font, never an ellipsis.
  while (lines.length > maxLines && size > 9) lines = wrapText(name, width, --size);
  const lineHeight = Math.round(size * 1.15);
  const top = Number(y) - ((lines.length - 1) * lineHeight) / 2;
  return (
    <g className="recharts-cartesian-axis-tick-value">
      <title>{name}</title>
      <text x={Number(x)} y={top} textAnchor="end" dominantBaseline="central" fontSize={size} fill="#1e293b">
        {lines.map((line, i) => (
          <tspan key={i} x={Number(x)} dy={i === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
