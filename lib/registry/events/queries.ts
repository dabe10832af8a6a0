import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events } from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";
import { pageWindow } from "@/lib/search";

export const EVENTS_PAGE_SIZE = 20;

const columns = {
  id: events.id,
  date: events.date,
  title: events.title,
  text: events.text,
  public: events.public,
  updatedAt: events.updatedAt,
};

/** One page of the organisation's events, newest first. */
export async function listEvents(org: RegisterOrg, page: number) {
  const db = await getDb();
  const where = and(eq(events.organisationId, org.id), eq(events.archived, false));
  const [{ total }] = await db.select({ total: count() }).from(events).where(where);
  const { pages, page: current, offset } = pageWindow(total, EVENTS_PAGE_SIZE, page);
  const rows = await db
    .select(columns)
    .from(events)
    .where(where)
    .orderBy(desc(events.date), desc(events.id))
    .limit(EVENTS_PAGE_SIZE)
    .offset(offset);
  return { rows, total, page: current, pages };
}

/** One event of the organisation, or null. */
export async function getEvent(org: RegisterOrg, id: number) {
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(events)
    .where(and(eq(events.id, id), eq(events.organisationId, org.id), eq(events.archived, false)));
  return row ?? null;
}

/** The organisation's archived events, last archived first. */
export async function listArchivedEvents(org: RegisterOrg) {
  const db = await getDb();
  return db
    .select({ id: events.id, date: events.date, title: events.title, archivedAt: events.updatedAt })
    .from(events)
    .where(and(eq(events.organisationId, org.id), eq(events.archived, true)))
    .orderBy(desc(events.updatedAt), desc(events.id));
}
