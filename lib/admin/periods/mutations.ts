import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { periods } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { AdminRegion } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { defaultDeadline, periodLabel } from "@/lib/reports/domain";
import type { openPeriodSchema, updatePeriodSchema } from "./schemas";

/*
 * Periods are shared by the whole deployment: a region the user administers (AdminRegion, from the action's
 * scope) is the proof of the right to change them, though no period belongs to it.
 */
const key = (p: { year: number; quarter: number }) => `${p.year}-Q${p.quarter}`;

/** Opens a quarter for reports with its deadline (by default the 10th day after the quarter ends). */
export async function openPeriod(
  actor: SessionUser,
  _region: AdminRegion,
  input: z.output<typeof openPeriodSchema>,
) {
  return writeTransaction(async (tx) => {
    const deadline = input.deadline || defaultDeadline(input);
    const [row] = await tx
      .insert(periods)
      .values({ year: input.year, quarter: input.quarter, deadline, open: true })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ConflictError(`${periodLabel(input)} уже открыт: измените его срок в таблице ниже.`);
    await audit(tx, {
      userId: actor.id,
      action: "create",
      entity: "period",
      entityId: key(row),
      changes: { deadline, open: true },
    });
    return row;
  });
}

/** Changes the deadline of a period, or closes / reopens it. */
export async function updatePeriod(
  actor: SessionUser,
  _region: AdminRegion,
  input: z.output<typeof updatePeriodSchema>,
) {
  return writeTransaction(async (tx) => {
    const where = and(eq(periods.year, input.year), eq(periods.quarter, input.quarter));
    const [current] = await tx.select().from(periods).where(where).for("no key update");
    if (!current) throw new NotFoundError("Период не найден: сначала откройте его.");
    const changes: Record<string, unknown> = {};
    if (current.deadline !== input.deadline) changes.deadline = [current.deadline, input.deadline];
    if (current.open !== input.open) changes.open = [current.open, input.open];
    if (Object.keys(changes).length === 0) return current;
    const [saved] = await tx
      .update(periods)
      .set({ deadline: input.deadline, open: input.open })
      .where(where)
      .returning();
    await audit(tx, { userId: actor.id, action: "update", entity: "period", entityId: key(saved), changes });
    return saved;
  });
}
