import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { ROLE_LABELS, type SessionUser } from "@/lib/auth/roles";
import { navFor } from "./nav";

export function Header({ user, scopeName }: { user: SessionUser; scopeName: string }) {
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
          <div className="text-right leading-tight">
            <div className="font-medium text-slate-900">{user.name}</div>
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
