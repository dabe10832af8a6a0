/** Zod building blocks shared by the programme and mentorship schemas. Pure: used in the browser too. */
import { webAddress as httpAddress, zId } from "@/lib/validation";
import { z } from "zod";

/**
 * Free text; an optional field the form did not send counts as empty. A required one (`min` > 0) has no
 * default: a default would skip the length check, and an omitted title would be saved empty.
 */
export function text(label: string, max = 2000, min = 0) {
  const s = z
    .string({ message: `${label}: заполните поле.` })
    .trim()
    .max(max, `${label}: не длиннее ${max} символов.`);
  if (min > 0)
    return s.min(min, min === 1 ? `${label}: заполните поле.` : `${label}: не короче ${min} символов.`);
  return s.default("");
}

/** An empty string or a web address (http or https only: the link is shown to other users). */
export const webAddress = (label: string, max = 1000) => z._default(httpAddress(label, max), "");

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(v: string) {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A required date in the `YYYY-MM-DD` form of `<input type="date">`, between 2000 and 2100. */
export const requiredDate = (label: string) =>
  z
    .string({ message: `${label}: укажите дату.` })
    .trim()
    .superRefine((v, ctx) => {
      // One message per field: the first thing that is wrong with it.
      if (v === "") ctx.addIssue(`${label}: укажите дату.`);
      else if (!ISO_DATE.test(v) || !isRealDate(v)) ctx.addIssue(`${label}: введите дату в виде ДД.ММ.ГГГГ.`);
      else if (v < "2000-01-01" || v > "2100-12-31")
        ctx.addIssue(`${label}: год должен быть от 2000 до 2100.`);
    });

/** A date that passed its own field's checks: cross-field rules compare only such dates. */
export function isDate(v: unknown): v is string {
  return typeof v === "string" && ISO_DATE.test(v) && isRealDate(v);
}

/**
 * Cross-field rules run even when a field failed, so that the user sees every message at once; only input
 * that is not an object at all skips them. The rules check each value's type before using it.
 */
export const ALWAYS = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
};

/** An optional date: an empty field becomes null. */
export const optionalDate = (label: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), requiredDate(label).nullable()) as z.ZodType<
    string | null,
    string | null | undefined
  >;

/** A checkbox: true from react-hook-form, "on"/"true" from FormData, absent when unticked. */
export const checkbox = z.preprocess(
  (v: unknown) => v === true || v === "on" || v === "true",
  z.boolean(),
) as z.ZodType<boolean, boolean | undefined>;

/** A positive integer id from a form field or an object. */
export const id = (message = "Выберите значение из списка.") => zId(message);

/** The record's updatedAt when the form was opened (optimistic version check). */
export const version = z.string().min(1, "Обновите страницу: не хватает версии записи.");

/** Values of repeated checkboxes or a multiple select: none, one or many. */
export function list<T extends z.core.$ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item),
  );
}
