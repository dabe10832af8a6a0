/** The typed result every server action returns. Pure: imported by client forms. */

/** Why an action was refused: the session ended, the role may not, the record is out of reach, bad input… */
export type RefusalCode =
  "signed_out" | "forbidden" | "not_found" | "invalid" | "conflict" | "refused" | "error";

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      code?: RefusalCode;
      formError?: string;
      fieldErrors?: Record<string, string[]>;
      /** After a form posted without JavaScript: what it sent (no passwords, no files), to show it again. */
      values?: Record<string, unknown>;
    };

/**
 * A server action as forms call it: with the input object (JavaScript), or as React's form action with the
 * previous state and the form's FormData (a form posted without JavaScript; see lib/actions/form-data.ts).
 */
export interface FormAction<T> {
  (state: unknown, data: FormData): Promise<ActionResult<T>>;
  (input: unknown): Promise<ActionResult<T>>;
}

export const INITIAL_RESULT = null as ActionResult<unknown> | null;
