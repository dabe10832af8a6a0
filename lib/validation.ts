import { z } from "zod";

/** A checkbox value from an object (boolean) or from FormData ("on", "true", "false", absent). */
export const zBool = z
  .union([z.boolean(), z.enum(["true", "false", "on", "off", ""])])
  .transform((v) => v === true || v === "true" || v === "on")
  .default(false);

/** The largest id PostgreSQL's integer holds: anything above is no record, never a database error. */
export const MAX_ID = 2_147_483_647;

/** Whether a value is a record id the database can hold: a whole number from 1 to MAX_ID. */
export function isId(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n > 0 && n <= MAX_ID;
}

/**
 * A number as a form sends it (decimal text) or as JSON carries it; nothing else becomes one: `true`, `[7]`,
 * `"1e3"` or `""` stay what they are and fail the number check with the field's own message (z.coerce would
 * read `true` as 1, `[7]` as 7 and `""` as 0).
 */
export function formNumber(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t === "") return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
}

/** A number field: `schema` checks the number itself (int, min, max); text input is converted by `formNumber`. */
export function numeric<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess(formNumber, schema);
}

/** A record's id: a whole number from 1 to MAX_ID; anything else is «not found» (or the given message). */
export function zId(message = "Запись не найдена.") {
  return numeric(z.number({ message }).int(message).positive(message).max(MAX_ID, message));
}

/** A count typed into a table cell: a whole number from 0; an emptied cell counts as 0, as in a spreadsheet. */
export function zCount(label: string, max = 1_000_000) {
  const whole = `${label}: введите целое число.`;
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? 0 : formNumber(v)),
    z
      .number({ message: whole })
      .int(whole)
      .min(0, `${label}: число не может быть отрицательным.`)
      .max(max, `${label}: не больше ${max.toLocaleString("ru-RU")}.`),
  );
}

/**
 * A web address shown to other users as a link: empty, or http(s) with a host that has a dot. `javascript:`,
 * `data:` and the like are refused (a link to them runs a script in the reader's browser).
 */
export function webAddress(label: string, max = 1000) {
  return z
    .string({ message: `${label}: введите адрес.` })
    .trim()
    .max(max, `${label}: не длиннее ${max} символов.`)
    .refine((v) => {
      if (v === "") return true;
      try {
        const url = new URL(v);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, `${label}: введите адрес полностью, начиная с https://.`);
}
