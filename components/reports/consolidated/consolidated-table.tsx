import { Badge } from "@/components/ui/badge";
import { FormHead, minWidth, ScrollRegion } from "@/components/reports/form-head";
import { formatNumber } from "@/lib/format";
import {
  labelSpan,
  NO_PROGRAMMES,
  omskCells,
  totalLabel,
  type Cell,
  type FormLayout,
} from "@/lib/reports/consolidated/layout";

const show = (v: Cell) => (typeof v === "number" ? formatNumber(v) : (v ?? ""));
const td = "border border-slate-200 px-2 py-1.5 align-top";

/**
 * One consolidated form in the Omsk layout: the seed's heading and merged header, names on the first line of a
 * group, «Итого, чел» in bold and the different people under it, the footnotes below.
 */
export function ConsolidatedTable({ layout, title }: { layout: FormLayout; title: string }) {
  const { columns, lines } = layout;
  const span = labelSpan(columns);
  const cells = omskCells(lines);
  const align = (i: number) => (columns[i]?.numeric ? "text-right tabular-nums whitespace-nowrap" : "");
  return (
    <section className="consolidated-form mb-8" aria-labelledby={`h-${layout.key}`}>
      <h2 id={`h-${layout.key}`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mb-2 text-sm font-medium text-slate-700">{layout.heading}</p>
      <ScrollRegion label={title} className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full border-collapse text-sm">
          <caption className="sr-only">
            {title}. {layout.heading}
          </caption>
          <FormHead columns={columns} />
          <tbody>
            {lines.length === 0 && (
              <tr>
                <td colSpan={columns.length} className={`${td} text-slate-500`}>
                  Нет отчётов за период.
                </td>
              </tr>
            )}
            {lines.map((line, i) =>
              line.kind === "total" || line.kind === "distinct" ? (
                <tr
                  key={i}
                  className={`${line.kind} bg-slate-50 ${line.kind === "total" ? "font-semibold" : "italic"}`}
                >
                  <th
                    scope="row"
                    colSpan={span}
                    className={`${td} text-left ${line.kind === "total" ? "font-semibold" : "font-normal"}`}
                  >
                    {totalLabel(line)}
                  </th>
                  {line.cells.slice(span).map((v, j) => (
                    <td key={j} className={`${td} ${align(span + j)}`}>
                      {show(v)}
                    </td>
                  ))}
                </tr>
              ) : (
                <tr key={i}>
                  {cells[i].map((v, j) => (
                    <td
                      key={j}
                      className={`${td} ${align(j)} ${minWidth(columns[j])} ${j === 2 && v === NO_PROGRAMMES && line.kind === "empty" ? "text-slate-500 italic" : ""}`}
                    >
                      {show(v)}
                      {j === 1 && v != null && line.status === "submitted" && (
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
        </table>
      </ScrollRegion>
      {layout.notes.map((note) => (
        <p key={note} className="mt-2 text-xs text-slate-600">
          {note}
        </p>
      ))}
    </section>
  );
}
