/** What the route rows share: the row type and the answer, read in full. */
import type { GuardedRow, PublicRow } from "./types";

/** A route's answer, read to the end inside the watched call (a streamed body included). */
export interface Answer {
  status: number;
  type: string;
  body: Uint8Array;
  text: () => string;
  /** The Russian `error` of a JSON refusal. */
  error?: string;
}

export async function readAnswer(res: Response): Promise<Answer> {
  const body = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  const text = () => new TextDecoder().decode(body);
  let error: string | undefined;
  if (type.startsWith("application/json")) error = (JSON.parse(text()) as { error?: string }).error;
  return { status: res.status, type, body, text, error };
}

export type GuardedRoute = GuardedRow<Response, Answer> & {
  /** A success writes exactly one audit record (downloads and imports are journalled). */
  audited?: true;
  /** How a caller who is not signed in is refused (default: 401, «signed_out»). */
  anonymous?: "signed_out" | "not_found";
  /** What a success must show beyond 200, in expect() calls. */
  succeeded?: (answer: Answer) => void;
};

/** One row per route handler, keyed "METHOD /path" (route groups left out). */
export type RouteRow = PublicRow | GuardedRoute;

/** The params argument Next passes to a route handler. */
export const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

export const get = (url: string) => new Request(`http://localhost${url}`);
