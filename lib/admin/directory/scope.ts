import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { municipalities, organisations } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** The admin works in their own region only. */
export function assertOwnRegion(actor: SessionUser, regionId: number) {
  if (actor.role !== "admin" || actor.regionId == null || actor.regionId !== regionId)
    throw new NotFoundError("Регион не найден или недоступен.");
}

/** A municipality of the admin's region, locked for the transaction. */
export async function lockMunicipality(
  tx: DbOrTx,
  actor: SessionUser,
  id: number,
  opts: { active?: boolean } = {},
) {
  const [m] = await tx.select().from(municipalities).where(eq(municipalities.id, id)).for("update");
  if (!m || actor.role !== "admin" || m.regionId !== actor.regionId)
    throw new NotFoundError("Муниципалитет не найден или недоступен.");
  if (opts.active && m.archived)
    throw new ForbiddenError("Муниципалитет в архиве: сначала верните его из архива.");
  return m;
}

/** An organisation of the admin's region, locked for the transaction. */
export async function lockOrganisation(tx: DbOrTx, actor: SessionUser, id: number) {
  const [row] = await tx
    .select({ org: organisations, regionId: municipalities.regionId })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, id))
    .for("update", { of: organisations });
  if (!row || actor.role !== "admin" || row.regionId !== actor.regionId)
    throw new NotFoundError("Организация не найдена или недоступна.");
  return row.org;
}
