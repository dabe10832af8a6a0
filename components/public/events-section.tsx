import { formatDate } from "@/lib/format";
import type { PublicEvent } from "@/lib/public/types";

/** Раздел 4: the events feed, newest first. */
export function EventsSection({ events, total }: { events: PublicEvent[]; total: number }) {
  return (
    <section aria-labelledby="events">
      <h2 id="events">4. Мероприятия</h2>
      {events.length === 0 ? (
        <p>Мероприятия пока не опубликованы.</p>
      ) : (
        <>
          {total > events.length && (
            <p className="pub-muted">
              Показаны последние {events.length} из {total}.
            </p>
          )}
          <ul className="pub-events">
            {events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.date} className="pub-muted">
                  {formatDate(e.date)}
                </time>
                <h3>{e.title}</h3>
                {e.text && <p>{e.text}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
