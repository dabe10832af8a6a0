import "server-only";
import crypto from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { authSessions, municipalities, notifications, organisations, users } from "@/db/schema";
import type { SessionUser } from "./roles";

/** A whole number from the environment within [min, max], or the default; anything else is an error. */
function setting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`Неверные переменные окружения: ${name}: целое число от ${min} до ${max}`);
  return value;
}

/** Absolute lifetime of a session: activity does not extend it. */
export const sessionMaxAgeHours = () => setting("SESSION_MAX_AGE_HOURS", 8, 1, 24 * 30);
/** A session not used for this long ends. */
export const sessionIdleMinutes = () => setting("SESSION_IDLE_MINUTES", 60, 1, 24 * 60 * 30);

/** Starts a session at sign-in; the id goes into the session cookie. */
export async function createSession(db: DbOrTx, userId: number, userAgent?: string | null): Promise<string> {
  const id = crypto.randomBytes(32).toString("base64url");
  await db.insert(authSessions).values({
    id,
    userId,
    expiresAt: sql`now() + ${sessionMaxAgeHours()}::int * interval '1 hour'`,
    userAgent: userAgent ? userAgent.slice(0, 300) : null,
  });
  // Ended sessions are of no use: the user's own are dropped at each sign-in, everyone's now and then.
  await db
    .delete(authSessions)
    .where(
      Math.random() < 0.02
        ? lt(authSessions.expiresAt, sql`now()`)
        : and(eq(authSessions.userId, userId), lt(authSessions.expiresAt, sql`now()`)),
    );
  return id;
}

/** Sign-out: the session's cookie, even a copy of it, opens nothing afterwards. */
export async function revokeSession(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.id, id), isNull(authSessions.revokedAt)));
}

/**
 * The user of a live session, in one indexed query: the session is not revoked, before its absolute end,
 * used within the idle timeout, and the account is active with the version the cookie carries (a
 * deactivation or a change of role or scope ends it at once). Use is recorded at most once a minute.
 */
/** The session lookup of every request, prepared once per database (a named statement on each connection). */
function sessionQuery(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      organisationId: users.organisationId,
      municipalityId: users.municipalityId,
      regionId: users.regionId,
      active: users.active,
      sessionVersion: users.sessionVersion,
      stale: sql<boolean>`${authSessions.lastSeenAt} < now() - interval '1 minute'`,
      // The bell's figure, which every signed-in page shows: read with the session, not in a round trip of its own.
      unread: sql<number>`(select count(*) from ${notifications}
        where ${notifications.userId} = ${users.id} and ${notifications.readAt} is null)`.mapWith(Number),
      // The region the user works in (lib/territory/clock.ts `sessionRegionId`): nearly every page needs it.
      placeRegionId: sql<number | null>`coalesce(${users.regionId}, (select ${municipalities.regionId}
        from ${municipalities} where ${municipalities.id} = coalesce(${users.municipalityId},
          (select ${organisations.municipalityId} from ${organisations}
            where ${organisations.id} = ${users.organisationId}))))`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.id, sql.placeholder("sid")),
        eq(authSessions.userId, sql.placeholder("uid")),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, sql`now()`),
        gt(authSessions.lastSeenAt, sql`now() - ${sql.placeholder("idle")}::int * interval '1 minute'`),
      ),
    )
    .limit(1)
    .prepare("session_user");
}
const prepared = new WeakMap<DbOrTx, ReturnType<typeof sessionQuery>>();

/**
 * What the session's lookup read besides the user, kept with the request's user object: the bell's unread count
 * (lib/notifications/queries.ts `unreadCount` asks here first) and the user's region (lib/territory/clock.ts).
 */
const readAtLookup = new WeakMap<object, { unread: number; regionId: number | null }>();

/** The user's unread notifications as counted when the session was looked up in this request, if it was. */
export function unreadAtLookup(user: object): number | undefined {
  return readAtLookup.get(user)?.unread;
}

/** The region the user works in as read when the session was looked up, if this user object came from there. */
export function regionAtLookup(user: object): number | null | undefined {
  return readAtLookup.get(user)?.regionId;
}

export async function sessionUser(
  db: DbOrTx,
  session: { sid: string; uid: number; sv: number },
): Promise<SessionUser | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = sessionQuery(db)));
  const [row] = await query.execute({ sid: session.sid, uid: session.uid, idle: sessionIdleMinutes() });
  if (!row || !row.active || row.sessionVersion !== session.sv) return null;
  if (row.stale)
    await db
      .update(authSessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(authSessions.id, session.sid));
  const user: SessionUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisationId,
    municipalityId: row.municipalityId,
    regionId: row.regionId,
  };
  readAtLookup.set(user, {
    unread: row.unread,
    regionId: row.placeRegionId == null ? null : Number(row.placeRegionId),
  });
  return user;
}
