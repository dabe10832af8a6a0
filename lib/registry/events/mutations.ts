import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db";
import { events } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { assertCanEditOrganisation } from "@/lib/registry/guard";
import type { eventArchiveSchema, eventCreateSchema, eventRestoreSchema, eventUpdateSchema } from "./schemas";

type CreateInput = z.output<typeof eventCreateSchema>;
type UpdateInput = z.output<typeof eventUpdateSchema>;
type ArchiveInput = z.output<typeof eventArchiveSchema>;
type RestoreInput = z.output<typeof eventRestoreSchema>;

function fieldsOf(input: CreateInput) {
  return { date: input.date, title: input.title, text: input.text, public: input.public };
}

/** The event, locked for the transaction; refuses one changed since the form was opened. */
async function lockEvent(tx: Tx, input: ArchiveInput) {
  const [row] = await tx
    .select()
    .from(events)
    .where(
      and(
        eq(events.id, input.id),
        eq(events.organisationId, input.organisationId),
        eq(events.archived, false),
      ),
    )
    .for("update");
  if (!row) throw new NotFoundError("Мероприятие не найдено: возможно, его уже убрали в архив.");
  if (row.updatedAt.getTime() !== new Date(input.updatedAt).getTime()) {
    throw new ConflictError(
      `Мероприятие уже изменили (${formatDateTime(row.updatedAt)}), пока вы его редактировали. Обновите страницу, чтобы увидеть новые данные, и внесите правки снова.`,
    );
  }
  return row;
}

export async function createEvent(user: SessionUser, input: CreateInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await assertCanEditOrganisation(tx, user, input.organisationId);
    const fields = fieldsOf(input);
    const [row] = await tx
      .insert(events)
      .values({ organisationId: org.id, ...fields })
      .returning({ id: events.id, updatedAt: events.updatedAt });
    await audit(tx, {
      userId: user.id,
      action: "create",
      entity: "event",
      entityId: row.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: fields,
    });
    return { id: row.id, updatedAt: row.updatedAt.toISOString() };
  });
}

export async function updateEvent(user: SessionUser, input: UpdateInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await assertCanEditOrganisation(tx, user, input.organisationId);
    const row = await lockEvent(tx, input);
    const fields = fieldsOf(input);
    const changes = diff(row as unknown as Record<string, unknown>, fields);
    const [saved] = await tx
      .update(events)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(events.id, row.id))
      .returning({ updatedAt: events.updatedAt });
    await audit(tx, {
      userId: user.id,
      action: "update",
      entity: "event",
      entityId: row.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes,
    });
    return { id: row.id, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Moves an event to the archive: it leaves the feed and the public page. */
export async function archiveEvent(user: SessionUser, input: ArchiveInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await assertCanEditOrganisation(tx, user, input.organisationId);
    const row = await lockEvent(tx, input);
    await tx.update(events).set({ archived: true, updatedAt: new Date() }).where(eq(events.id, row.id));
    await audit(tx, {
      userId: user.id,
      action: "archive",
      entity: "event",
      entityId: row.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { archived: [false, true], title: row.title },
    });
    return { id: row.id };
  });
}

/** Brings an archived event back to the feed (and, if public, to the public page). */
export async function restoreEvent(user: SessionUser, input: RestoreInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const org = await assertCanEditOrganisation(tx, user, input.organisationId);
    const [row] = await tx
      .select()
      .from(events)
      .where(and(eq(events.id, input.id), eq(events.organisationId, org.id), eq(events.archived, true)))
      .for("update");
    if (!row) throw new NotFoundError("Мероприятия нет в архиве: возможно, его уже вернули.");
    await tx.update(events).set({ archived: false, updatedAt: new Date() }).where(eq(events.id, row.id));
    await audit(tx, {
      userId: user.id,
      action: "restore",
      entity: "event",
      entityId: row.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { archived: [true, false], title: row.title },
    });
    return { id: row.id };
  });
}
