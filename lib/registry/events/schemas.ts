import { z } from "zod";
import { dateField, flag, recordId, text } from "@/lib/registry/documents/fields";

const fields = {
  organisationId: recordId,
  date: dateField("Дата мероприятия"),
  title: text("Название", 300, true),
  text: text("Описание", 10_000),
  public: flag,
};

/** An entry of the events feed: one schema for the browser and the server action. */
export const eventCreateSchema = z.object(fields);

export const eventUpdateSchema = z.object({
  ...fields,
  id: recordId,
  /** The event's updatedAt when the form was opened: a save over a newer version is refused. */
  updatedAt: z.string().min(1),
});

export const eventArchiveSchema = z.object({
  id: recordId,
  organisationId: recordId,
  updatedAt: z.string().min(1),
});

/** Back from the archive: no version check (an archived event cannot be edited meanwhile). */
export const eventRestoreSchema = z.object({ id: recordId, organisationId: recordId });

export type EventCreateInput = z.input<typeof eventCreateSchema>;
export type EventUpdateInput = z.input<typeof eventUpdateSchema>;
