"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const TABS = [
  { href: "/registry/persons", label: "Участники" },
  { href: "/registry/programmes", label: "Программы" },
  { href: "/registry/documents", label: "Документы" },
  { href: "/registry/events", label: "Мероприятия" },
  { href: "/registry/import", label: "Импорт и экспорт" },
];

/** The register sections; keeps `?org=` for coordinators and the admin. */
export function RegistryTabs() {
  const pathname = usePathname();
  const org = useSearchParams().get("org");
  return (
    <nav
      aria-label="Разделы реестров"
      className="no-print mb-6 flex flex-wrap gap-1 border-b border-slate-200"
    >
      {TABS.map((tab) => {
        const active = pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={org ? `${tab.href}?org=${org}` : tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
