import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { events } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { NotFoundError } from "@/lib/errors";
import { assertFresh } from "@/lib/registry/version";
import type { eventArchiveSchema, eventCreateSchema, eventRestoreSchema, eventUpdateSchema } from "./schemas";

type CreateInput = z.output<typeof eventCreateSchema>;
type UpdateInput = z.output<typeof eventUpdateSchema>;
type ArchiveInput = z.output<typeof eventArchiveSchema>;
type RestoreInput = z.output<typeof eventRestoreSchema>;

function fieldsOf(input: CreateInput) {
  return { date: input.date, title: input.title, text: input.text, public: input.public };
}

/** The organisation's event, locked for the transaction; refuses one changed since the form was opened. */
async function lockEvent(tx: Tx, org: EditableOrg, input: ArchiveInput) {
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, input.id), eq(events.organisationId, org.id), eq(events.archived, false)))
    .for("update");
  if (!row) throw new NotFoundError("Мероприятие не найдено: возможно, его уже убрали в архив.");
  await assertFresh(tx, { entity: "event", ...row }, input.updatedAt, "Мероприятие");
  return row;
}

export async function createEvent(user: SessionUser, org: EditableOrg, input: CreateInput) {
  return writeTransaction(async (tx, changes) => {
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
    changes.organisation(org.id);
    return { id: row.id, updatedAt: row.updatedAt.toISOString() };
  });
}

export async function updateEvent(user: SessionUser, org: EditableOrg, input: UpdateInput) {
  return writeTransaction(async (tx, changes) => {
    const row = await lockEvent(tx, org, input);
    const fields = fieldsOf(input);
    const edits = diff(row as unknown as Record<string, unknown>, fields);
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
      changes: edits,
    });
    changes.organisation(org.id);
    return { id: row.id, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Moves an event to the archive: it leaves the feed and the public page. */
export async function archiveEvent(user: SessionUser, org: EditableOrg, input: ArchiveInput) {
  return writeTransaction(async (tx, changes) => {
    const row = await lockEvent(tx, org, input);
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
    changes.organisation(org.id);
    return { id: row.id };
  });
}

/** Brings an archived event back to the feed (and, if public, to the public page). */
export async function restoreEvent(user: SessionUser, org: EditableOrg, input: RestoreInput) {
  return writeTransaction(async (tx, changes) => {
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
    changes.organisation(org.id);
    return { id: row.id };
  });
}
