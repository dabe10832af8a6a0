import { z } from "zod";
import { DOCUMENT_TYPES } from "@/lib/vocabulary";
import { optionalFileField } from "@/lib/files/schema";
import { dateField, flag, recordId, text } from "./fields";

/** The document types in the order of the form's list (the database enum's). */
export { DOCUMENT_TYPES };

const fields = {
  organisationId: recordId,
  type: z.enum(DOCUMENT_TYPES, { message: "Вид документа: выберите вид из списка." }),
  number: text("Номер", 50),
  date: dateField("Дата документа"),
  title: text("Название", 500, true),
  inForce: flag,
  public: flag,
  file: optionalFileField,
};

/** A new document of the register: one schema for the browser and the server action. */
export const documentCreateSchema = z.object(fields);

/** An edit; a new file, when given, replaces the old one. */
export const documentUpdateSchema = z.object({
  ...fields,
  id: recordId,
  /** The document's updatedAt when the form was opened: a save over a newer version is refused. */
  updatedAt: z.string().min(1),
});

export const documentArchiveSchema = z.object({
  id: recordId,
  organisationId: recordId,
  updatedAt: z.string().min(1),
});

/** Back from the archive: no version check (an archived document cannot be edited meanwhile). */
export const documentRestoreSchema = z.object({ id: recordId, organisationId: recordId });

export type DocumentCreateInput = z.input<typeof documentCreateSchema>;
export type DocumentUpdateInput = z.input<typeof documentUpdateSchema>;
