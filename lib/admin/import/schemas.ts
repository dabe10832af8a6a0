import { z } from "zod";
import { zId } from "@/lib/validation";
import { IMPORT_MODES } from "./types";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The import form (FormData): the region, what to do, and the file. */
export const importOrganisationsSchema = z.object({
  regionId: zId("Не указан регион."),
  mode: z.enum(IMPORT_MODES, { message: "Не указано, что сделать с файлом." }),
  file: z
    .instanceof(File, { message: "Выберите файл .xlsx или .csv." })
    .refine((f) => f.size > 0, "Файл пуст.")
    .refine((f) => f.size <= MAX_IMPORT_BYTES, "Файл больше 5 МБ: разделите его на несколько."),
});
