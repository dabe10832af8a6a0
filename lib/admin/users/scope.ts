import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { municipalities, organisations, users } from "@/db/schema";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { assignableRoles, canManageUser } from "./roles";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

const refMunicipality = sql`coalesce(${organisations.municipalityId}, ${users.municipalityId})`;

/** An account with its scope, locked for the transaction; NotFoundError when the actor may not manage it. */
export async function lockManagedUser(tx: DbOrTx, actor: SessionUser, userId: number) {
  const [row] = await tx
    .select({
      user: users,
      municipalityId: municipalities.id,
      regionId: sql<number | null>`coalesce(${municipalities.regionId}, ${users.regionId})`,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, refMunicipality))
    .where(eq(users.id, userId))
    .for("update", { of: users });
  if (!row || !canManageUser(actor, { role: row.user.role, ...row }))
    throw new NotFoundError("Пользователь не найден или недоступен.");
  return row.user;
}

/**
 * The stored scope of a role: a curator keeps only the organisation, a coordinator the municipality,
 * ministry and admin the actor's region. Throws when the actor may not give this role or this scope.
 */
export async function resolveScope(
  tx: DbOrTx,
  actor: SessionUser,
  input: { role: Role; organisationId?: number | null; municipalityId?: number | null },
) {
  if (!assignableRoles(actor).includes(input.role))
    throw new ForbiddenError(
      "Координатор может создавать и изменять только кураторов организаций своего муниципалитета.",
    );
  if (input.role === "curator") {
    const [org] = await tx
      .select({
        archived: organisations.archived,
        municipalityId: municipalities.id,
        regionId: municipalities.regionId,
      })
      .from(organisations)
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(eq(organisations.id, input.organisationId ?? -1));
    if (!org || !canManageUser(actor, { role: "curator", ...org }))
      throw new NotFoundError("Организация не найдена или недоступна.");
    if (org.archived) throw new ForbiddenError("Организация в архиве: куратора для неё назначить нельзя.");
    return { organisationId: input.organisationId!, municipalityId: null, regionId: null };
  }
  if (input.role === "coordinator") {
    const [m] = await tx
      .select({ archived: municipalities.archived, regionId: municipalities.regionId })
      .from(municipalities)
      .where(eq(municipalities.id, input.municipalityId ?? -1));
    if (!m || !canManageUser(actor, { role: "coordinator", municipalityId: input.municipalityId!, ...m }))
      throw new NotFoundError("Муниципалитет не найден или недоступен.");
    if (m.archived)
      throw new ForbiddenError("Муниципалитет в архиве: координатора для него назначить нельзя.");
    return { organisationId: null, municipalityId: input.municipalityId!, regionId: null };
  }
  return { organisationId: null, municipalityId: null, regionId: actor.regionId };
}
