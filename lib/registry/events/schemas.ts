import type { z } from "zod";
import { dateField, flag, recordId, recordSchemas, text } from "@/lib/registry/documents/fields";

/** An entry of the events feed: one schema for the browser and the server action. */
export const {
  create: eventCreateSchema,
  update: eventUpdateSchema,
  archive: eventArchiveSchema,
  restore: eventRestoreSchema,
} = recordSchemas({
  organisationId: recordId,
  date: dateField("Дата мероприятия"),
  title: text("Название", 300, true),
  text: text("Описание", 10_000),
  public: flag,
});

export type EventCreateInput = z.input<typeof eventCreateSchema>;
export type EventUpdateInput = z.input<typeof eventUpdateSchema>;
