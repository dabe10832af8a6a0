import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { ROLE_LABELS, type SessionUser } from "@/lib/auth/roles";
import { countOf } from "@/lib/format";
import { navFor } from "./nav";

/** The bell: a link to the notifications with the unread figure, rendered on the server (works without scripts). */
function Bell({ unread }: { unread: number }) {
  const label = unread
    ? `Уведомления: ${countOf(unread, "непрочитанное", "непрочитанных", "непрочитанных")}`
    : "Уведомления: непрочитанных нет";
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative rounded-md p-1.5 text-slate-700 hover:bg-slate-100"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-6 w-6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {unread > 0 && (
        <span
          data-testid="unread-count"
          className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}

export function Header({
  user,
  scopeName,
  unread = 0,
}: {
  user: SessionUser;
  scopeName: string;
  unread?: number;
}) {
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/home" className="text-brand-700 text-lg font-bold">
          Наставник
        </Link>
        <nav aria-label="Основное меню" className="flex flex-wrap gap-1">
          {navFor(user).map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Bell unread={unread} />
          <div className="text-right leading-tight">
            <Link
              href="/profile"
              className="font-medium text-slate-900 hover:underline"
              title="Профиль и письма"
            >
              {user.name}
            </Link>
            <div className="text-xs text-slate-600">
              {ROLE_LABELS[user.role]} · {scopeName}
            </div>
          </div>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100"
            >
              Выйти
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
