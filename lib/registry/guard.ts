import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { municipalities, organisations } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { canEditOrganisation } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";

/**
 * First line of every register write: the organisation must be one the user may edit (its curator, or the
 * admin of its region). Anything else is «not found», so nothing is revealed about other organisations.
 */
export async function assertCanEditOrganisation(tx: DbOrTx, user: SessionUser, organisationId: number) {
  const [row] = await tx
    .select({
      id: organisations.id,
      municipalityId: organisations.municipalityId,
      regionId: municipalities.regionId,
    })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, organisationId))
    .limit(1);
  if (!row || !canEditOrganisation(user, row))
    throw new NotFoundError("Организация не найдена или недоступна.");
  return row;
}
