import { expect } from "vitest";
import { FORBIDDEN, SIGNED_OUT } from "@/lib/errors";
import type { Watched } from "../support/db-fingerprint";
import { expectation, TARGETS, type Actor, type Expectations, type Outcome, type Target } from "./types";

/** Every case of a guarded row: each actor on each target it has. */
export function casesOf(row: Expectations, actors: readonly Actor[]) {
  return actors.flatMap((actor) =>
    (row.targets ?? TARGETS).map((target: Target) => ({
      actor,
      target,
      expected: expectation(row, actor, target),
    })),
  );
}

/** The message a refusal shows, by reason; «not found» names the record, in the one style. */
export const MESSAGES: Partial<Record<Outcome, string | RegExp>> = {
  signed_out: SIGNED_OUT,
  forbidden: FORBIDDEN,
  not_found: /^[А-ЯЁ].* не найден[аоы]? или недоступ(ен|на|но|ны)\.$/,
};

export function expectMessage(expected: Outcome, message: string | undefined, context: string) {
  const want = MESSAGES[expected];
  if (want === undefined) return;
  if (typeof want === "string") expect(message, context).toBe(want);
  else expect(message, context).toMatch(want);
}

/** A refusal leaves every table as it was, the journal included. */
export function expectNothingWritten(w: Pick<Watched<unknown, unknown>, "changed" | "auditRecords">) {
  expect(w.changed, "tables a refused attempt changed").toEqual([]);
  expect(w.auditRecords, "audit records a refused attempt wrote").toBe(0);
}
