import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, events } from "@/db/schema";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import type { PublicDocument, PublicEvent } from "./types";

/** Public documents in force, the newest first. */
export async function publicDocuments(organisationId: number): Promise<PublicDocument[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.organisationId, organisationId),
        eq(documents.public, true),
        eq(documents.inForce, true),
        eq(documents.archived, false),
      ),
    )
    .orderBy(sql`${documents.date} desc nulls last`, desc(documents.id));
  return rows.map((d) => ({
    id: d.id,
    type: d.type,
    typeLabel: DOCUMENT_TYPE_LABELS[d.type] ?? "Документ",
    number: d.number,
    date: d.date,
    title: d.title,
    fileId: d.fileId,
  }));
}

export const EVENTS_SHOWN = 50;

/** Public events, the newest first (the latest EVENTS_SHOWN), and how many there are. */
export async function publicEvents(
  organisationId: number,
): Promise<{ events: PublicEvent[]; total: number }> {
  const db = await getDb();
  const where = and(
    eq(events.organisationId, organisationId),
    eq(events.public, true),
    eq(events.archived, false),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: events.id, date: events.date, title: events.title, text: events.text })
      .from(events)
      .where(where)
      .orderBy(desc(events.date), desc(events.id))
      .limit(EVENTS_SHOWN),
    db.select({ n: count() }).from(events).where(where),
  ]);
  return { events: rows, total: Number(total?.n ?? 0) };
}
