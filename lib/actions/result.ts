/** The typed result every server action returns. Pure: imported by client forms. */

/** Why an action was refused: the session ended, the role may not, the record is out of reach, bad input… */
export type RefusalCode =
  "signed_out" | "forbidden" | "not_found" | "invalid" | "conflict" | "refused" | "error";

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code?: RefusalCode; formError?: string; fieldErrors?: Record<string, string[]> };

export const INITIAL_RESULT = null as ActionResult<unknown> | null;
