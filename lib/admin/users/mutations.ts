import "server-only";
import { mailEnabled } from "@/lib/mail/config";
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { assertUnchanged } from "@/lib/concurrency";
import { writeTransaction } from "@/lib/derived";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { isUniqueViolation } from "../db-errors";
import { createPasswordLink } from "../tokens";
import { managesRegion } from "./roles";
import { lockManagedUser, type AccountPlace, type ManagedUser } from "./scope";
import type { createUserSchema, updateUserSchema } from "./schemas";

const EMAIL_TAKEN = "Пользователь с таким адресом электронной почты уже есть.";
const WHAT = "Учётную запись";

async function assertEmailFree(tx: DbOrTx, email: string, exceptId = -1) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), ne(users.id, exceptId)));
  if (taken) throw new DomainError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
}

/** Where the account's audit records belong, so that the coordinator of the municipality sees them. */
function auditScope(scope: { organisationId: number | null; municipalityId: number | null }) {
  return { organisationId: scope.organisationId, municipalityId: scope.municipalityId };
}

/** The account's scope columns from its checked place. */
function columnsOf(place: AccountPlace) {
  const { organisationId, municipalityId, regionId } = place;
  return { organisationId, municipalityId, regionId };
}

async function unique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}

/** Creates an account without a password and returns a one-time link token to set it. */
export async function createUser(
  actor: SessionUser,
  place: AccountPlace,
  input: z.output<typeof createUserSchema>,
) {
  const scope = columnsOf(place);
  return unique(() =>
    writeTransaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, ...scope })
        .returning();
      const token = await createPasswordLink(tx, {
        userId: user.id,
        purpose: "invite",
        createdById: actor.id,
      });
      await audit(tx, {
        userId: actor.id,
        action: "create",
        entity: "user",
        entityId: user.id,
        ...auditScope(scope),
        changes: { email: user.email, name: user.name, role: user.role, ...scope },
      });
      return { user, token };
    }),
  );
}

/** Changes name, e-mail, role or scope; a new role or scope ends the account's sessions at once. */
export async function updateUser(
  actor: SessionUser,
  account: ManagedUser,
  place: AccountPlace,
  input: z.output<typeof updateUserSchema>,
) {
  const scope = columnsOf(place);
  return unique(() =>
    writeTransaction(async (tx) => {
      const current = await lockManagedUser(tx, actor, account);
      assertUnchanged(WHAT, current.updatedAt, input.updatedAt);
      const next = { name: input.name, email: input.email, role: input.role, ...scope };
      const changes = diff(current as unknown as Record<string, unknown>, next);
      const accessChanged = ["role", "organisationId", "municipalityId", "regionId"].some(
        (k) => k in changes,
      );
      if (accessChanged && current.id === actor.id)
        throw new ForbiddenError(
          "Свою роль и область работы изменить нельзя: попросите об этом другого администратора.",
        );
      if ("email" in changes) await assertEmailFree(tx, input.email, current.id);
      const [saved] = await tx
        .update(users)
        .set({
          ...next,
          updatedAt: new Date(),
          ...(accessChanged ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
        })
        .where(eq(users.id, current.id))
        .returning();
      await audit(tx, {
        userId: actor.id,
        action: "update",
        entity: "user",
        entityId: current.id,
        ...auditScope(scope),
        changes,
      });
      return saved;
    }),
  );
}

/** Deactivates (ending every session at once) or re-activates an account. */
export async function setUserActive(
  actor: SessionUser,
  account: ManagedUser,
  input: { updatedAt: string; active: boolean },
) {
  return writeTransaction(async (tx) => {
    const current = await lockManagedUser(tx, actor, account);
    if (current.id === actor.id) throw new ForbiddenError("Собственную учётную запись отключить нельзя.");
    assertUnchanged(WHAT, current.updatedAt, input.updatedAt);
    if (current.active === input.active) return current;
    const [saved] = await tx
      .update(users)
      .set({ active: input.active, updatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, current.id))
      .returning();
    await audit(tx, {
      userId: actor.id,
      action: input.active ? "activate" : "deactivate",
      entity: "user",
      entityId: current.id,
      ...auditScope(current),
      changes: { active: [current.active, input.active] },
    });
    return saved;
  });
}

/** A new one-time link for an account (earlier links stop working); the token goes back to the issuer only. */
export async function issuePasswordLink(actor: SessionUser, account: ManagedUser) {
  return writeTransaction(async (tx) => {
    const user = await lockManagedUser(tx, actor, account);
    if (!user.active) throw new ForbiddenError("Учётная запись отключена: сначала включите её.");
    const purpose = user.passwordHash ? "reset" : "invite";
    // A coordinator could otherwise reset a curator's password and act as that curator.
    if (purpose === "reset" && !managesRegion(actor) && !mailEnabled()) {
      throw new ForbiddenError(
        "Пароль действующей учётной записи сбрасывает администратор (или письмом, если настроена почта).",
      );
    }
    const token = await createPasswordLink(tx, { userId: user.id, purpose, createdById: actor.id });
    await audit(tx, {
      userId: actor.id,
      action: "password_link",
      entity: "user",
      entityId: user.id,
      ...auditScope(user),
      changes: { purpose },
    });
    return { user, token, purpose } as const;
  });
}

/**
 * Unbinds the account's regional (OIDC) identity: the next regional sign-in binds again by a verified e-mail (or
 * is refused). The account's sessions end at once — the identity may have been bound to the wrong person —
 * except the admin's own, when unbinding their own identity. Nothing bound: nothing changes.
 */
export async function unbindSso(actor: SessionUser, account: ManagedUser) {
  return writeTransaction(async (tx) => {
    const current = await lockManagedUser(tx, actor, account);
    if (current.oidcSubject === null) return current;
    const [saved] = await tx
      .update(users)
      .set({
        oidcIssuer: null,
        oidcSubject: null,
        oidcBoundAt: null,
        updatedAt: new Date(),
        ...(current.id === actor.id ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }),
      })
      .where(eq(users.id, current.id))
      .returning();
    await audit(tx, {
      userId: actor.id,
      action: "sso_unbind",
      entity: "user",
      entityId: current.id,
      ...auditScope(current),
      changes: { issuer: current.oidcIssuer },
    });
    return saved;
  });
}
