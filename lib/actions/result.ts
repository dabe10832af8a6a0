/** The typed result every server action returns. Pure: imported by client forms. */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

export const INITIAL_RESULT = null as ActionResult<unknown> | null;
