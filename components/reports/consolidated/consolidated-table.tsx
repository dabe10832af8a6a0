import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import {
  labelSpan,
  NO_PROGRAMMES,
  omskCells,
  type Cell,
  type FormLayout,
} from "@/lib/reports/consolidated/layout";

const show = (v: Cell) => (typeof v === "number" ? formatNumber(v) : (v ?? ""));

/** One consolidated form in the Omsk layout: names on the first line of a group, totals in bold. */
export function ConsolidatedTable({ layout, title }: { layout: FormLayout; title: string }) {
  const { columns, lines } = layout;
  const span = labelSpan(columns);
  const cells = omskCells(lines);
  const align = (i: number) => (columns[i]?.numeric ? "text-right tabular-nums whitespace-nowrap" : "");
  return (
    <section className="consolidated-form mb-8" aria-labelledby={`h-${layout.key}`}>
      <h2 id={`h-${layout.key}`} className="mb-2 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="rounded-lg border border-slate-200 bg-white">
        <Table caption={title} region>
          <thead>
            <tr>
              {columns.map((c) => (
                <Th key={c.header} className={c.numeric ? "text-right align-bottom" : "align-bottom"}>
                  {c.header}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 && (
              <tr>
                <Td colSpan={columns.length} className="text-slate-500">
                  Нет отчётов за период.
                </Td>
              </tr>
            )}
            {lines.map((line, i) =>
              line.kind === "total" ? (
                <tr key={i} className="total bg-slate-50 font-semibold">
                  <Td colSpan={span}>{line.cells[2]}</Td>
                  {line.cells.slice(span).map((v, j) => (
                    <Td key={j} className={align(span + j)}>
                      {show(v)}
                    </Td>
                  ))}
                </tr>
              ) : (
                <tr key={i}>
                  {cells[i].map((v, j) => (
                    <Td
                      key={j}
                      className={`${align(j)} ${j === 2 && v === NO_PROGRAMMES && line.kind === "empty" ? "text-slate-500 italic" : ""}`}
                    >
                      {show(v)}
                      {j === 1 && v != null && line.status === "submitted" && (
                        <>
                          {" "}
                          <Badge tone="amber">на проверке</Badge>
                        </>
                      )}
                    </Td>
                  ))}
                </tr>
              ),
            )}
          </tbody>
        </Table>
      </div>
    </section>
  );
}
