// zod/mini: these helpers are in every form's schema, and forms are checked in the browser too. Turbopack keeps
// zod's whole core (23 KB gzip) in any page that validates; mini's thin wrappers instead of the classic API take
// ~5 KB more off a form page (the person form: 202 → 197 KB). Classic schemas take these helpers as they are
// (z.object, z.optional(…), z.nullable(…)).
import * as z from "zod/mini";
import type { $ZodType } from "zod/v4/core";
import "@/lib/zod-fallback";

/** A checkbox value from an object (boolean) or from FormData ("on", "true", "false", absent). */
export const zBool = z._default(
  z.pipe(
    z.union([z.boolean(), z.enum(["true", "false", "on", "off", ""])]),
    z.transform((v) => v === true || v === "true" || v === "on"),
  ),
  false,
);

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

/**
 * A number field: `schema` checks the number itself (int, min, max); text input is converted by `formNumber`
 * (what it cannot convert reaches `schema` as it came, and fails there with the field's message).
 */
export function numeric<T extends $ZodType<number>>(schema: T): FromForm<T> {
  return fromForm(formNumber, schema);
}

/** Any input, converted by `convert`, then checked by `schema` (classic zod's `preprocess`, which mini lacks). */
export type FromForm<T extends $ZodType> = z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, T>;
export function fromForm<T extends $ZodType>(convert: (v: unknown) => unknown, schema: T): FromForm<T> {
  return z.pipe(z.transform(convert), schema as never) as FromForm<T>;
}

/** A record's id: a whole number from 1 to MAX_ID; anything else is «not found» (or the given message). */
export function zId(message = "Запись не найдена.") {
  return numeric(z.int({ message }).check(z.positive(message), z.maximum(MAX_ID, message)));
}

/** A count typed into a table cell: a whole number from 0; an emptied cell counts as 0, as in a spreadsheet. */
export function zCount(label: string, max = 1_000_000) {
  const whole = `${label}: введите целое число.`;
  return fromForm(
    (v) => (typeof v === "string" && v.trim() === "" ? 0 : formNumber(v)),
    z
      .int({ message: whole })
      .check(
        z.minimum(0, `${label}: число не может быть отрицательным.`),
        z.maximum(max, `${label}: не больше ${max.toLocaleString("ru-RU")}.`),
      ),
  );
}

/**
 * A web address shown to other users as a link: empty, or http(s) with a host that has a dot. `javascript:`,
 * `data:` and the like are refused (a link to them runs a script in the reader's browser).
 */
export function webAddress(label: string, max = 1000) {
  return z.string({ message: `${label}: введите адрес.` }).check(
    z.trim(),
    z.maxLength(max, `${label}: не длиннее ${max} символов.`),
    z.refine((v: string) => {
      if (v === "") return true;
      try {
        const url = new URL(v);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, `${label}: введите адрес полностью, начиная с https://.`),
  );
}
