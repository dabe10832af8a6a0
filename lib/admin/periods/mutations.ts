import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { periods, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { AdminRegion } from "@/lib/auth/scoped";
import { assertUnchanged } from "@/lib/concurrency";
import { writeTransaction } from "@/lib/derived";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { defaultDeadline, periodLabel } from "@/lib/reports/domain";
import { regionZone } from "@/lib/territory/clock";
import type { openPeriodSchema, updatePeriodSchema } from "./schemas";

/*
 * Periods belong to a region: the region the user administers (AdminRegion, from the action's scope) is the one
 * whose period is opened or changed. No input names a region, so another region's periods are out of reach.
 */
const key = (p: { year: number; quarter: number }) => `${p.year}-Q${p.quarter}`;

/** Opens a quarter of the region for reports with its deadline (by default the 10th day after the quarter ends). */
export async function openPeriod(
  actor: SessionUser,
  region: AdminRegion,
  input: z.output<typeof openPeriodSchema>,
) {
  return writeTransaction(async (tx) => {
    const deadline = input.deadline || defaultDeadline(input);
    const [row] = await tx
      .insert(periods)
      .values({
        regionId: region.id,
        year: input.year,
        quarter: input.quarter,
        deadline,
        open: true,
        updatedById: actor.id,
      })
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

/**
 * Changes the deadline of a period of the region, or closes / reopens it; refused with the registers' conflict
 * message when the period changed after the form was opened (`updatedAt`).
 */
export async function updatePeriod(
  actor: SessionUser,
  region: AdminRegion,
  input: z.output<typeof updatePeriodSchema>,
) {
  return writeTransaction(async (tx) => {
    const where = and(
      eq(periods.regionId, region.id),
      eq(periods.year, input.year),
      eq(periods.quarter, input.quarter),
    );
    const [current] = await tx.select().from(periods).where(where).for("no key update");
    if (!current) throw new NotFoundError("Период не найден: сначала откройте его.");
    if (current.updatedAt.getTime() !== new Date(input.updatedAt).getTime()) {
      const [who] = current.updatedById
        ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current.updatedById))
        : [];
      assertUnchanged("Период", current.updatedAt, input.updatedAt, {
        by: who?.name,
        zone: await regionZone(tx, region.id),
      });
    }
    const changes: Record<string, unknown> = {};
    if (current.deadline !== input.deadline) changes.deadline = [current.deadline, input.deadline];
    if (current.open !== input.open) changes.open = [current.open, input.open];
    if (Object.keys(changes).length === 0) return current;
    const [saved] = await tx
      .update(periods)
      .set({ deadline: input.deadline, open: input.open, updatedAt: new Date(), updatedById: actor.id })
      .where(where)
      .returning();
    await audit(tx, { userId: actor.id, action: "update", entity: "period", entityId: key(saved), changes });
    return saved;
  });
}
