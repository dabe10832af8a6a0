/**
 * A table that scrolls sideways when wider than its box. `region`: a wide table whose scroll box is a named,
 * focusable region, so that a keyboard can scroll it (WCAG 2.1.1; axe «scrollable-region-focusable»).
 */
export function Table({
  caption,
  children,
  region = false,
}: {
  caption?: string;
  children: React.ReactNode;
  region?: boolean;
}) {
  return (
    <div
      className="focus-visible:outline-brand-600 overflow-x-auto focus-visible:outline-3 focus-visible:outline-offset-2"
      {...(region ? { tabIndex: 0, role: "region", "aria-label": `Таблица: ${caption ?? ""}` } : {})}
    >
      <table className="min-w-full border-collapse text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function Th({
  children,
  className = "",
  scope = "col",
}: {
  children?: React.ReactNode;
  className?: string;
  scope?: "col" | "row";
}) {
  return (
    <th
      scope={scope}
      className={`border-b border-slate-200 px-3 py-2 text-left text-slate-700 ${className.includes("bg-") ? "" : "bg-slate-50"} ${className.includes("font-") ? "" : "font-semibold"} ${className}`}
    >
      {children}
    </th>
  );
}

export function Td({
  children,
  className = "",
  colSpan,
}: {
  children?: React.ReactNode;
  className?: string;
  colSpan?: number;
}) {
  return (
    <td colSpan={colSpan} className={`border-b border-slate-100 px-3 py-2 align-top ${className}`}>
      {children}
    </td>
  );
}
