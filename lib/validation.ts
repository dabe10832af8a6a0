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
