import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";
import { audit } from "@/lib/audit";
import { countAttempt, forgiveAttempt } from "./limits";
import { createSession } from "./sessions";

/** Attempts per account and per client address in one window; a success gives them back. */
export const SIGN_IN_LIMITS = { account: 5, address: 30, windowMinutes: 15 };
/** The longest e-mail address there can be (RFC 5321): a longer one is refused before anything is stored. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 200;

let dummyHash: Promise<string> | undefined;

export type CredentialsResult =
  | { ok: true; user: User; sessionId: string }
  | { ok: false; code: "invalid" }
  | { ok: false; code: "throttled"; waitSeconds: number };

/**
 * Checks an e-mail and password and starts a session; the same answer and about the same time whether or
 * not the e-mail exists. Every attempt is counted (in PostgreSQL, shared by all instances) before the
 * password is checked, first for the client's address, then for the account.
 */
export async function checkCredentials(
  email: string,
  password: string,
  address: string,
  userAgent?: string | null,
): Promise<CredentialsResult> {
  const normalised = email.trim().toLowerCase();
  if (!normalised || normalised.length > MAX_EMAIL_LENGTH) return { ok: false, code: "invalid" };
  const accountKey = `account:${normalised}`;
  const addressKey = `address:${address.slice(0, 64)}`;
  const db = await getDb();
  const { account, address: perAddress, windowMinutes } = SIGN_IN_LIMITS;
  const wait =
    (await countAttempt(db, [{ key: addressKey, max: perAddress }], windowMinutes)) ||
    (await countAttempt(db, [{ key: accountKey, max: account }], windowMinutes));
  if (wait > 0) return { ok: false, code: "throttled", waitSeconds: wait };
  if (!password || password.length > MAX_PASSWORD_LENGTH) return { ok: false, code: "invalid" };

  const [user] = await db.select().from(users).where(eq(users.email, normalised)).limit(1);
  const valid = user?.passwordHash
    ? await verify(user.passwordHash, password).catch(() => false)
    : await verify(await (dummyHash ??= hash("no-such-user-password")), password).then(() => false);
  if (!user || !valid || !user.active) return { ok: false, code: "invalid" };

  const sessionId = await db.transaction(async (tx) => {
    await forgiveAttempt(tx, { clear: [accountKey], refund: [addressKey] });
    await tx
      .update(users)
      .set({ lastSignInAt: sql`now()` })
      .where(eq(users.id, user.id));
    await audit(tx, { userId: user.id, action: "sign_in", entity: "user", entityId: user.id });
    return createSession(tx, user.id, userAgent);
  });
  return { ok: true, user, sessionId };
}
