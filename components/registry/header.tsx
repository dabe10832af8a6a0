import Link from "next/link";
import { Suspense } from "react";
import { RegistryTabs } from "./tabs";

/** Title of a register page: the organisation, a read-only note for coordinators, and the section tabs. */
export function RegistryHeader({
  title,
  orgName,
  canEdit,
  actions,
}: {
  title: string;
  orgName: string;
  canEdit: boolean;
  actions?: React.ReactNode;
}) {
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">{orgName}</p>
          <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
          {!canEdit && (
            <p className="mt-1 text-sm text-amber-900">
              Только просмотр: изменять реестры может куратор организации.
            </p>
          )}
        </div>
        {actions && <div className="no-print flex gap-2">{actions}</div>}
      </div>
      <Suspense>
        <RegistryTabs />
      </Suspense>
    </>
  );
}

/** A link styled as a primary button. */
export function ButtonLink({
  href,
  children,
  variant = "primary",
}: {
  href: string;
  children: React.ReactNode;
  variant?: "primary" | "secondary";
}) {
  const cls =
    variant === "primary"
      ? "bg-brand-600 text-white hover:bg-brand-700"
      : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100";
  return (
    <Link
      href={href}
      className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium shadow-sm ${cls}`}
    >
      {children}
    </Link>
  );
}
