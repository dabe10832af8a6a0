import Link from "next/link";
import { ArchiveButton } from "@/components/registry/documents/archive-button";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import { withOrg } from "@/lib/registry/context";
import { archiveEventAction } from "@/lib/registry/events/actions";
import type { listEvents } from "@/lib/registry/events/queries";

type Page = Awaited<ReturnType<typeof listEvents>>;

/** The events feed, newest first, with edit and archive controls for those who may edit. */
export function EventsList({
  page,
  organisationId,
  canEdit,
  orgQuery,
}: {
  page: Page;
  organisationId: number;
  canEdit: boolean;
  orgQuery: string;
}) {
  if (page.total === 0) return <p className="text-slate-600">В ленте пока нет мероприятий.</p>;
  return (
    <>
      <ol className="divide-y divide-slate-100">
        {page.rows.map((ev) => (
          <li key={ev.id} className="py-4 first:pt-0">
            <article aria-labelledby={`event-${ev.id}`}>
              <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <time dateTime={ev.date} className="tabular-nums">
                  {formatDate(ev.date)}
                </time>
                {ev.public ? <Badge tone="blue">Опубликовано</Badge> : <Badge>Не публикуется</Badge>}
              </div>
              <h3 id={`event-${ev.id}`} className="mt-1 font-semibold text-slate-900">
                {ev.title}
              </h3>
              {ev.text && <p className="mt-1 text-sm whitespace-pre-line text-slate-800">{ev.text}</p>}
              {canEdit && (
                <div className="mt-2 flex gap-4">
                  <Link
                    className="text-brand-700 text-sm font-medium underline-offset-2 hover:underline"
                    href={withOrg(`/registry/events/${ev.id}`, orgQuery)}
                  >
                    Изменить<span className="sr-only"> мероприятие «{ev.title}»</span>
                  </Link>
                  <ArchiveButton
                    action={archiveEventAction}
                    input={{ id: ev.id, organisationId, updatedAt: ev.updatedAt.toISOString() }}
                    recordName={`мероприятие «${ev.title}»`}
                    question={`Убрать в архив мероприятие «${ev.title}»? Оно пропадёт из ленты и с публичной страницы.`}
                  />
                </div>
              )}
            </article>
          </li>
        ))}
      </ol>
      {page.pages > 1 && <Pager page={page.page} pages={page.pages} orgQuery={orgQuery} />}
    </>
  );
}

function Pager({ page, pages, orgQuery }: { page: number; pages: number; orgQuery: string }) {
  const href = (n: number) => withOrg(`/registry/events${n > 1 ? `?page=${n}` : ""}`, orgQuery);
  const cls = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100";
  return (
    <nav aria-label="Страницы ленты" className="mt-4 flex items-center gap-3">
      {page > 1 && (
        <Link className={cls} href={href(page - 1)}>
          ← Новее
        </Link>
      )}
      <span className="text-sm text-slate-600">
        Страница {page} из {pages}
      </span>
      {page < pages && (
        <Link className={cls} href={href(page + 1)}>
          Старше →
        </Link>
      )}
    </nav>
  );
}
