/** zod fields shared by the document and event forms: dates and check boxes. Pure: used in the browser. */
import { z } from "zod";
import { zId } from "@/lib/validation";

/** "2024-09-01" or "01.09.2024" → "2024-09-01"; null when it is not a date of the calendar. */
export function toIsoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = value.includes("-") ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1) return null;
  return `${y}-${mo}-${d}`;
}

/** A required date, returned as ISO "YYYY-MM-DD". */
export function dateField(label: string) {
  return z.string({ message: `${label}: укажите дату.` }).transform((raw, ctx) => {
    const value = raw.trim();
    if (!value) {
      ctx.addIssue({ code: "custom", message: `${label}: укажите дату.` });
      return z.NEVER;
    }
    const iso = toIsoDate(value);
    if (!iso) {
      ctx.addIssue({
        code: "custom",
        message: `${label}: введите дату в формате ДД.ММ.ГГГГ, например 01.09.2024.`,
      });
      return z.NEVER;
    }
    const year = Number(iso.slice(0, 4));
    if (year < 1990 || year > 2100) {
      ctx.addIssue({ code: "custom", message: `${label}: проверьте год — он должен быть от 1990 до 2100.` });
      return z.NEVER;
    }
    return iso;
  });
}

/** A check box: true/false from the form, "true"/"on" from FormData; absent means false. */
export const flag = z
  .union([z.boolean(), z.enum(["true", "false", "on", "off"])])
  .optional()
  .transform((v) => v === true || v === "true" || v === "on");

/** Trimmed text with a length limit; optional text may be absent (""), `required` adds a «fill it in» message. */
export function text(label: string, max: number, required = false) {
  const base = z
    .string({ message: `${label}: заполните поле.` })
    .trim()
    .max(max, `${label}: не длиннее ${max} символов.`);
  return required ? base.min(1, `${label}: заполните поле.`) : base.default("");
}

/** A record's id; one beyond the database's integer range is «not found», not a database error. */
export const recordId = zId();

/**
 * The schemas of a register of an organisation's records (documents, events): a new record, an edit (refused
 * over a newer version than the form was opened on), archiving (the same check) and restoring (none: an
 * archived record cannot be edited meanwhile).
 */
export function recordSchemas<F extends z.ZodRawShape>(fields: F) {
  const record = { id: recordId, organisationId: recordId };
  const version = { updatedAt: z.string().min(1) };
  return {
    create: z.object(fields),
    update: z.object({ ...fields, ...record, ...version }),
    archive: z.object({ ...record, ...version }),
    restore: z.object(record),
  };
}
