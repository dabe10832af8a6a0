import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { municipalities, organisations, users } from "@/db/schema";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { MUNICIPALITY_NOT_FOUND, ORG_NOT_FOUND } from "@/lib/auth/scoped";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isId } from "@/lib/validation";
import { assignableRoles, canManageUser } from "./roles";

/*
 * Scope of user management, as lib/auth/scoped does it for organisations: an account or a place the actor
 * may manage becomes a branded value (or «not found»), resolved by the action wrapper's `scope` option and
 * checked through the rules table (./roles). The write re-reads the account locked in its transaction.
 */
declare const MANAGED: unique symbol;
declare const PLACE: unique symbol;

/** An account the actor manages. */
export type ManagedUser = { readonly id: number; readonly [MANAGED]: true };

/** Where an account of a role is placed: a curator at an organisation, a coordinator at a municipality… */
export type AccountPlace = {
  readonly organisationId: number | null;
  readonly municipalityId: number | null;
  readonly regionId: number | null;
  readonly [PLACE]: true;
};

export const USER_NOT_FOUND = "Пользователь не найден или недоступен.";

const refMunicipality = sql`coalesce(${organisations.municipalityId}, ${users.municipalityId})`;

async function managedRow(db: DbOrTx, actor: SessionUser, userId: number, lock: boolean) {
  if (!isId(userId)) throw new NotFoundError(USER_NOT_FOUND);
  const query = db
    .select({
      user: users,
      municipalityId: municipalities.id,
      regionId: sql<number | null>`coalesce(${municipalities.regionId}, ${users.regionId})`,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, refMunicipality))
    .where(eq(users.id, userId));
  const [row] = lock ? await query.for("no key update", { of: users }) : await query;
  if (!row || !canManageUser(actor, { role: row.user.role, ...row })) throw new NotFoundError(USER_NOT_FOUND);
  return row.user;
}

/** The account `userId` if the actor manages it, or NotFoundError. */
export async function scopeManagedUser(actor: SessionUser, userId: number): Promise<ManagedUser> {
  const user = await managedRow(await getDb(), actor, userId, false);
  return { id: user.id } as ManagedUser;
}

/** The managed account, locked for the transaction and checked again (its scope may have changed since). */
export function lockManagedUser(tx: DbOrTx, actor: SessionUser, account: ManagedUser) {
  return managedRow(tx, actor, account.id, true);
}

/**
 * The stored place of a role: a curator keeps only the organisation, a coordinator the municipality,
 * ministry and admin the actor's region. Refuses a role the actor may not give, or a place out of reach.
 */
export async function scopeAccountPlace(
  actor: SessionUser,
  input: { role: Role; organisationId?: number | null; municipalityId?: number | null },
): Promise<AccountPlace> {
  if (!assignableRoles(actor).includes(input.role))
    throw new ForbiddenError(
      "Координатор может создавать и изменять только кураторов организаций своего муниципалитета.",
    );
  const db = await getDb();
  if (input.role === "curator") {
    const [org] = await db
      .select({
        archived: organisations.archived,
        municipalityId: municipalities.id,
        regionId: municipalities.regionId,
      })
      .from(organisations)
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(eq(organisations.id, input.organisationId ?? -1));
    if (!org || !canManageUser(actor, { role: "curator", ...org })) throw new NotFoundError(ORG_NOT_FOUND);
    if (org.archived) throw new ForbiddenError("Организация в архиве: куратора для неё назначить нельзя.");
    return { organisationId: input.organisationId!, municipalityId: null, regionId: null } as AccountPlace;
  }
  if (input.role === "coordinator") {
    const [m] = await db
      .select({ archived: municipalities.archived, regionId: municipalities.regionId })
      .from(municipalities)
      .where(eq(municipalities.id, input.municipalityId ?? -1));
    if (!m || !canManageUser(actor, { role: "coordinator", municipalityId: input.municipalityId!, ...m }))
      throw new NotFoundError(MUNICIPALITY_NOT_FOUND);
    if (m.archived)
      throw new ForbiddenError("Муниципалитет в архиве: координатора для него назначить нельзя.");
    return { organisationId: null, municipalityId: input.municipalityId!, regionId: null } as AccountPlace;
  }
  return { organisationId: null, municipalityId: null, regionId: actor.regionId } as AccountPlace;
}
