import { headerGrid, type FormColumn } from "@/lib/reports/headings";

/** On screen, long texts get room enough not to stretch a row into a column of single words (print: none). */
const MIN_WIDTHS: Record<string, string> = {
  municipality: "min-w-[8rem]",
  organisation: "min-w-[9rem]",
  contacts: "min-w-[14rem]",
  curator: "min-w-[10rem]",
  title: "min-w-[10rem]",
  mentorDetails: "min-w-[16rem]",
  result: "min-w-[16rem]",
};

/** The minimum width of a column's body cells. */
export const minWidth = (column: FormColumn | undefined) => (column ? (MIN_WIDTHS[column.id] ?? "") : "");

/**
 * The header of a report form as the Omsk forms draw it: a group («Количество вовлеченных в программу») merged
 * over its columns, the other headers over both rows. `plain` leaves the look to the page's own stylesheet.
 */
export function FormHead({
  columns,
  plain = false,
  trailing,
}: {
  columns: readonly FormColumn[];
  plain?: boolean;
  /** A last header cell of the first row (a column of buttons). */
  trailing?: React.ReactNode;
}) {
  const grid = headerGrid(columns);
  const look = plain
    ? ""
    : "border border-slate-200 bg-slate-50 px-2 py-1.5 align-middle text-xs font-semibold text-slate-700";
  return (
    <thead>
      {grid.map((row, i) => (
        <tr key={i}>
          {row.map((c) => (
            <th
              key={c.col}
              scope={c.colSpan > 1 ? "colgroup" : "col"}
              colSpan={c.colSpan > 1 ? c.colSpan : undefined}
              rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
              className={`${look} ${plain ? (c.numeric ? "num" : "") : "text-center"}`.trim() || undefined}
            >
              {c.text}
            </th>
          ))}
          {i === 0 && trailing}
        </tr>
      ))}
    </thead>
  );
}

/**
 * The sideways-scrolling box of a wide form: a named, focusable region, so that a keyboard can scroll it too
 * (WCAG 2.1.1).
 */
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label={`Таблица: ${label}`}
      className={`focus-visible:outline-brand-600 overflow-x-auto focus-visible:outline-3 focus-visible:outline-offset-2 ${className}`}
    >
      {children}
    </div>
  );
}
