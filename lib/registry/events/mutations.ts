import "server-only";
import type { z } from "zod";
import { events } from "@/db/schema";
import { diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import {
  archiveMutations,
  insertRecord,
  lockFresh,
  registerWrite,
  saveRecord,
  type RecordKind,
} from "@/lib/registry/record";
import type { eventCreateSchema, eventUpdateSchema } from "./schemas";

/** The events feed's entries: audit name and refusals (lib/registry/record). */
export const EVENT: RecordKind<typeof events> = {
  table: events,
  entity: "event",
  what: "Мероприятие",
  archived: "Мероприятие не найдено: возможно, его уже убрали в архив.",
  notArchived: "Мероприятия нет в архиве: возможно, его уже вернули.",
  noted: "title",
};

type CreateInput = z.output<typeof eventCreateSchema>;

function fieldsOf(input: CreateInput) {
  return { date: input.date, title: input.title, text: input.text, public: input.public };
}

export async function createEvent(user: SessionUser, org: EditableOrg, input: CreateInput) {
  const fields = fieldsOf(input);
  return registerWrite(user, org, (w) => insertRecord(w, EVENT, fields, fields));
}

export async function updateEvent(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof eventUpdateSchema>,
) {
  return registerWrite(user, org, async (w) => {
    const row = await lockFresh(w.tx, EVENT, org, input);
    const fields = fieldsOf(input);
    return saveRecord(w, EVENT, row.id, fields, diff(row as unknown as Record<string, unknown>, fields));
  });
}

/** Archiving takes an event off the feed and the public page; restoring brings it back (public, if it was). */
export const { archive: archiveEvent, restore: restoreEvent } = archiveMutations(EVENT);
