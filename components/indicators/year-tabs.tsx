import Link from "next/link";

/** The year of the bars, chosen by links (works without JavaScript and can be bookmarked). */
export function YearTabs(props: { years: number[]; current: number; href: (year: number) => string }) {
  return (
    <nav aria-label="Год" className="no-print mb-3 flex flex-wrap gap-1">
      {props.years.map((y) => (
        <Link
          key={y}
          href={props.href(y)}
          aria-current={y === props.current ? "page" : undefined}
          className={`rounded-md border px-3 py-1 text-sm tabular-nums ${
            y === props.current
              ? "border-brand-700 bg-brand-700 font-semibold text-white"
              : "border-slate-400 bg-white text-slate-800 hover:bg-slate-100"
          }`}
        >
          {y}
        </Link>
      ))}
    </nav>
  );
}
