import { z } from "zod";
import { checkFileMeta } from "./validation";

/** By shape rather than `instanceof`: the server's multipart parser and the browser each bring their own File. */
const isFile = (v: unknown): v is File =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as File).name === "string" &&
  typeof (v as File).size === "number" &&
  typeof (v as File).arrayBuffer === "function";

/**
 * An optional uploaded file, in the browser (set from the file input) and on the server (from FormData).
 * Name and size are checked here; the content is checked on the server by `readUpload`.
 */
export const optionalFileField = z.preprocess(
  // A file input left empty arrives as a nameless empty File.
  (v) => (v == null || v === "" || (isFile(v) && v.size === 0 && !v.name) ? undefined : v),
  z
    .custom<File>(isFile, { message: "Файл: выберите файл на компьютере." })
    .superRefine((file, ctx) => {
      const message = checkFileMeta(file.name, file.size);
      if (message) ctx.addIssue({ code: "custom", message });
    })
    .optional(),
);
