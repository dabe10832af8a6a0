import Link from "next/link";

const link =
  "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";

/** Download links (server-made files, audited) for a set of URLs. */
export function DownloadLinks({ items }: { items: { href: string; label: string }[] }) {
  return (
    <>
      {items.map((i) => (
        <a key={i.href} href={i.href} className={link}>
          {i.label}
        </a>
      ))}
    </>
  );
}

/** The sections of the indicator pages. */
export function IndicatorNav({ current, admin, query }: { current: string; admin: boolean; query: string }) {
  const items = [
    { href: "/indicators", label: "Таблица показателей" },
    { href: "/indicators/N1", label: "Графики" },
    { href: "/indicators/structure", label: "Структура участия" },
    ...(admin ? [{ href: "/indicators/targets", label: "Планы показателей" }] : []),
  ];
  return (
    <nav
      aria-label="Разделы показателей"
      className="no-print mb-4 flex flex-wrap gap-1 border-b border-slate-200 pb-2"
    >
      {items.map((i) => (
        <Link
          key={i.href}
          href={i.href === "/indicators/targets" ? i.href : `${i.href}${query}`}
          aria-current={current === i.href ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${current === i.href ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
