import { z } from "zod";
import { DOCUMENT_TYPES } from "@/lib/vocabulary";
import { optionalFileField } from "@/lib/files/schema";
import { dateField, flag, recordId, recordSchemas, text } from "./fields";

/** The document types in the order of the form's list (the database enum's). */
export { DOCUMENT_TYPES };

/** A document of the register: one schema for the browser and the server action; a new file replaces the old. */
export const {
  create: documentCreateSchema,
  update: documentUpdateSchema,
  archive: documentArchiveSchema,
  restore: documentRestoreSchema,
} = recordSchemas({
  organisationId: recordId,
  type: z.enum(DOCUMENT_TYPES, { message: "Вид документа: выберите вид из списка." }),
  number: text("Номер", 50),
  date: dateField("Дата документа"),
  title: text("Название", 500, true),
  inForce: flag,
  public: flag,
  file: optionalFileField,
});

export type DocumentCreateInput = z.input<typeof documentCreateSchema>;
export type DocumentUpdateInput = z.input<typeof documentUpdateSchema>;
