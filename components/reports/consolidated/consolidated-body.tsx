"use client";
import { Badge } from "@/components/ui/badge";
import { formatNumber } from "@/lib/format";

export type BodyCell = string | number | null;

/**
 * A line of a consolidated form as the page sends it: a total («Итого, чел» or the different people) with its
 * label and the cells after the label, or a row with every cell (names blanked as the Omsk forms do).
 */
export type BodyLine =
  | { t: "total" | "distinct"; label: string; cells: BodyCell[] }
  | { t: "row" | "empty"; onReview: boolean; cells: BodyCell[] };

export interface BodyColumn {
  numeric: boolean;
  /** The body cells' minimum width class (components/reports/form-head.tsx). */
  width: string;
}

const show = (v: BodyCell) => (typeof v === "number" ? formatNumber(v) : (v ?? ""));
const td = "border border-slate-200 px-2 py-1.5 align-top";

/**
 * The body of a consolidated form, drawn in the browser from compact lines: a ministry's form holds thousands of
 * cells, and as a server component each cell's markup went to the browser twice (in the HTML and in the page's
 * data).
 */
export function ConsolidatedBody({
  columns,
  span,
  lines,
  noProgrammes,
}: {
  columns: BodyColumn[];
  /** The columns a total's label spans. */
  span: number;
  lines: BodyLine[];
  /** The text of an organisation without programmes, shown greyed. */
  noProgrammes: string;
}) {
  const align = (i: number) => (columns[i]?.numeric ? "text-right tabular-nums whitespace-nowrap" : "");
  return (
    <tbody>
      {lines.length === 0 && (
        <tr>
          <td colSpan={columns.length} className={`${td} text-slate-500`}>
            Нет отчётов за период.
          </td>
        </tr>
      )}
      {lines.map((line, i) =>
        line.t === "total" || line.t === "distinct" ? (
          <tr key={i} className={`${line.t} bg-slate-50 ${line.t === "total" ? "font-semibold" : "italic"}`}>
            <th
              scope="row"
              colSpan={span}
              className={`${td} text-left ${line.t === "total" ? "font-semibold" : "font-normal"}`}
            >
              {line.label}
            </th>
            {line.cells.map((v, j) => (
              <td key={j} className={`${td} ${align(span + j)}`}>
                {show(v)}
              </td>
            ))}
          </tr>
        ) : (
          <tr key={i}>
            {line.cells.map((v, j) => (
              <td
                key={j}
                className={`${td} ${align(j)} ${columns[j]?.width ?? ""} ${j === 2 && v === noProgrammes && line.t === "empty" ? "text-slate-500 italic" : ""}`}
              >
                {show(v)}
                {j === 1 && v != null && "onReview" in line && line.onReview && (
                  <>
                    {" "}
                    <Badge tone="amber">на проверке</Badge>
                  </>
                )}
              </td>
            ))}
          </tr>
        ),
      )}
    </tbody>
  );
}
