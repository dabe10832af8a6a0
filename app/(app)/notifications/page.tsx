import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { NEXT_FIELD } from "@/lib/actions/next-path";
import { requireUser } from "@/lib/auth/guard";
import { countOf, formatDateTime } from "@/lib/format";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { notificationList, unreadCount } from "@/lib/notifications/queries";
import { userClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Уведомления" };

/** As a plain form's action (no script): React passes the FormData; success goes back to this page. */
const markOne = markNotificationReadAction.bind(null, null) as unknown as (data: FormData) => Promise<void>;
const markAll = markAllNotificationsReadAction.bind(null, null) as unknown as (
  data: FormData,
) => Promise<void>;

const openLabel = (href: string) => (href.startsWith("/reports/") ? "Открыть отчёт" : "Открыть");

const button = "rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100";

/** The user's own notifications, newest first; each marked read by itself or all at once (forms: no script needed). */
export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const raw = Number([(await searchParams).page].flat()[0] ?? 1);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  const [{ rows, more }, unread, clock] = await Promise.all([
    notificationList(user, page),
    unreadCount(user),
    userClock(user),
  ]);
  const lastId = rows.reduce((m, r) => Math.max(m, r.id), 0);
  return (
    <>
      <PageTitle
        subtitle={
          unread
            ? countOf(
                unread,
                "непрочитанное уведомление",
                "непрочитанных уведомления",
                "непрочитанных уведомлений",
              )
            : "Все уведомления прочитаны"
        }
      >
        Уведомления
      </PageTitle>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        {unread > 0 && lastId > 0 && (
          <form action={markAll}>
            <input type="hidden" name="lastId" value={lastId} />
            <input type="hidden" name={NEXT_FIELD} value="/notifications" />
            <button type="submit" className={button}>
              Отметить все прочитанными
            </button>
          </form>
        )}
        {user.role === "curator" || user.role === "coordinator" ? (
          <Link href="/profile" className="text-brand-700 underline">
            Какие уведомления присылать на почту
          </Link>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <Card>
          <p className="text-slate-700">
            Уведомлений пока нет. Здесь появятся сроки сдачи отчётов, возвраты на доработку и отчёты,
            отправленные на проверку.
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" aria-label="Список уведомлений">
          {rows.map((n) => {
            const unreadItem = n.readAt == null;
            return (
              <li
                key={n.id}
                className={`rounded-lg border p-4 shadow-sm ${unreadItem ? "bg-brand-50 border-blue-300" : "border-slate-200 bg-white"}`}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h2
                      className={`text-base ${unreadItem ? "font-semibold" : "font-medium"} text-slate-900`}
                    >
                      {unreadItem && <span className="sr-only">Новое: </span>}
                      {n.payload.title}
                    </h2>
                    <p className="text-xs text-slate-600">{formatDateTime(n.createdAt, clock.zone)}</p>
                  </div>
                  {unreadItem && (
                    <form action={markOne}>
                      <input type="hidden" name="id" value={n.id} />
                      <input
                        type="hidden"
                        name={NEXT_FIELD}
                        value={page > 1 ? `/notifications?page=${page}` : "/notifications"}
                      />
                      <button type="submit" className={button}>
                        Отметить прочитанным
                      </button>
                    </form>
                  )}
                </div>
                <p className="mt-2 text-sm text-slate-800">{n.payload.body}</p>
                {n.payload.comment ? (
                  <blockquote className="mt-2 border-l-4 border-amber-400 bg-white px-3 py-2 text-sm whitespace-pre-line text-slate-800">
                    <span className="font-medium">Комментарий: </span>
                    {n.payload.comment}
                  </blockquote>
                ) : null}
                {n.payload.href && unreadItem ? (
                  // Opening an unread notification's report marks it read on the way.
                  <form action={markOne} className="mt-2">
                    <input type="hidden" name="id" value={n.id} />
                    <input type="hidden" name={NEXT_FIELD} value={n.payload.href} />
                    <button type="submit" className="text-brand-700 text-sm underline">
                      {openLabel(n.payload.href)}
                    </button>
                  </form>
                ) : n.payload.href ? (
                  <Link href={n.payload.href} className="text-brand-700 mt-2 inline-block text-sm underline">
                    {openLabel(n.payload.href)}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <nav aria-label="Страницы" className="mt-4 flex gap-4 text-sm">
        {page > 1 && (
          <Link href={`/notifications?page=${page - 1}`} className="text-brand-700 underline">
            ← Новее
          </Link>
        )}
        {more && (
          <Link href={`/notifications?page=${page + 1}`} className="text-brand-700 underline">
            Старше →
          </Link>
        )}
      </nav>
    </>
  );
}
