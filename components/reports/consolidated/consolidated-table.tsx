import { FormHead, minWidth, ScrollRegion } from "@/components/reports/form-head";
import { ConsolidatedBody, type BodyLine } from "./consolidated-body";
import {
  labelSpan,
  NO_PROGRAMMES,
  omskCells,
  totalLabel,
  type FormLayout,
} from "@/lib/reports/consolidated/layout";

/**
 * One consolidated form in the Omsk layout: the seed's heading and merged header, names on the first line of a
 * group, «Итого, чел» in bold and the different people under it, the footnotes below.
 */
export function ConsolidatedTable({ layout, title }: { layout: FormLayout; title: string }) {
  const { columns, lines } = layout;
  const span = labelSpan(columns);
  const cells = omskCells(lines);
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
          <ConsolidatedBody
            columns={columns.map((c) => ({ numeric: Boolean(c.numeric), width: minWidth(c) }))}
            span={span}
            noProgrammes={NO_PROGRAMMES}
            lines={lines.map((line, i): BodyLine =>
              line.kind === "total" || line.kind === "distinct"
                ? { t: line.kind, label: String(totalLabel(line)), cells: line.cells.slice(span) }
                : { t: line.kind, onReview: line.status === "submitted", cells: cells[i] },
            )}
          />
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
