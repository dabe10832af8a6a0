import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";
import { audit } from "@/lib/audit";
import { Throttle } from "./throttle";

const KEY = Symbol.for("nastavnik.signin-throttle");
const g = globalThis as { [KEY]?: Throttle };
const throttle = (g[KEY] ??= new Throttle());

let dummyHash: Promise<string> | undefined;

export type CredentialsResult = { ok: true; user: User } | { ok: false; code: "invalid" | "throttled" };

/** Checks an e-mail and password; the same answer and about the same time whether or not the e-mail exists. */
export async function checkCredentials(
  email: string,
  password: string,
  ip: string,
): Promise<CredentialsResult> {
  const normalised = email.trim().toLowerCase();
  const keys = [`email:${normalised}`, `ip:${ip}`];
  if (throttle.waitFor(keys) > 0) return { ok: false, code: "throttled" };
  if (!normalised || !password || password.length > 200 || normalised.length > 200) {
    throttle.fail(keys);
    return { ok: false, code: "invalid" };
  }
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, normalised)).limit(1);
  const valid = user?.passwordHash
    ? await verify(user.passwordHash, password).catch(() => false)
    : await verify(await (dummyHash ??= hash("no-such-user-password")), password).then(() => false);
  if (!user || !valid || !user.active) {
    throttle.fail(keys);
    return { ok: false, code: "invalid" };
  }
  throttle.clear(keys);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ lastSignInAt: sql`now()` })
      .where(eq(users.id, user.id));
    await audit(tx, { userId: user.id, action: "sign_in", entity: "user", entityId: user.id });
  });
  return { ok: true, user };
}

/** Seconds until a blocked e-mail or address may try again (for the message). */
export function signInWaitSeconds(email: string, ip: string): number {
  return Math.ceil(throttle.waitFor([`email:${email.trim().toLowerCase()}`, `ip:${ip}`]) / 1000);
}
