import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";
import { isUniqueViolation } from "@/lib/admin/db-errors";
import { audit } from "@/lib/audit";
import { MAX_EMAIL_LENGTH, SIGN_IN_LIMITS } from "./credentials";
import { countAttempt, forgiveAttempt } from "./limits";
import { createSession } from "./sessions";

/** The longest subject (`sub`) OpenID Connect allows. */
export const MAX_SUBJECT_LENGTH = 255;

export type SsoResult =
  | { ok: true; user: User; sessionId: string; bound: boolean }
  | { ok: false; code: "refused" }
  | { ok: false; code: "throttled"; waitSeconds: number };

/** What the provider said about the person (its userinfo, already checked against the ID token's `sub`). */
export interface SsoClaims {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
}

const REFUSED = { ok: false, code: "refused" } as const;

/**
 * Signs in a person the regional identity provider has authenticated, into an account Наставник already has:
 * by the bound identity (issuer + subject), or — the first time — by the e-mail, only if the provider says
 * it is verified and the account is active and not bound to another identity; then the identity is bound
 * (audited). No account is ever created, and role and scope are the account's own: no claim is read for
 * them. Every refusal is the same «refused», whatever its reason. Attempts count against the client's
 * address as password attempts do; a success gives the attempt back. The session is the same row a
 * password sign-in starts: sign-out, deactivation, a role change and the absolute lifetime end it alike.
 */
export async function ssoSignIn(
  issuer: string,
  claims: SsoClaims,
  address: string,
  userAgent?: string | null,
): Promise<SsoResult> {
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const addressKey = `address:${address.slice(0, 64)}`;
  const db = await getDb();
  const wait = await countAttempt(
    db,
    [{ key: addressKey, max: SIGN_IN_LIMITS.address }],
    SIGN_IN_LIMITS.windowMinutes,
  );
  if (wait > 0) return { ok: false, code: "throttled", waitSeconds: wait };
  if (!issuer || !subject || subject.length > MAX_SUBJECT_LENGTH) return REFUSED;

  try {
    return await db.transaction(async (tx): Promise<SsoResult> => {
      let [user] = await tx
        .select()
        .from(users)
        .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)))
        .limit(1);
      let bound = false;
      if (!user) {
        const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
        if (!email || email.length > MAX_EMAIL_LENGTH || claims.email_verified !== true) return REFUSED;
        [user] = await tx.select().from(users).where(eq(users.email, email)).for("update").limit(1);
        if (!user?.active) return REFUSED;
        const same = user.oidcIssuer === issuer && user.oidcSubject === subject;
        if (user.oidcSubject !== null && !same) return REFUSED;
        if (!same) {
          [user] = await tx
            .update(users)
            .set({ oidcIssuer: issuer, oidcSubject: subject, oidcBoundAt: sql`now()` })
            .where(eq(users.id, user.id))
            .returning();
          await audit(tx, {
            userId: user.id,
            action: "sso_bind",
            entity: "user",
            entityId: user.id,
            organisationId: user.organisationId,
            municipalityId: user.municipalityId,
            changes: { issuer },
          });
          bound = true;
        }
      }
      if (!user.active) return REFUSED;
      await forgiveAttempt(tx, { clear: [], refund: [addressKey] });
      await tx
        .update(users)
        .set({ lastSignInAt: sql`now()` })
        .where(eq(users.id, user.id));
      await audit(tx, {
        userId: user.id,
        action: "sign_in",
        entity: "user",
        entityId: user.id,
        changes: { via: "sso" },
      });
      const sessionId = await createSession(tx, user.id, userAgent);
      return { ok: true, user, sessionId, bound };
    });
  } catch (error) {
    // Two accounts claiming one identity at once: the unique index lets one through, the other is refused.
    if (isUniqueViolation(error)) return REFUSED;
    throw error;
  }
}
