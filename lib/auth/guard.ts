import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { NotFoundError } from "@/lib/errors";
import type { Role, SessionUser } from "./roles";
import { getAuthSecret } from "./secret";
import { decodeSessionToken, sessionCookie } from "./session-token";
import { sessionUser } from "./sessions";

/**
 * The signed-in user, re-read from the database on every request with the session's row: a signed-out,
 * expired or idle session, a deactivated account or a changed role or scope (sessionVersion) ends it at once.
 * The cookie is decoded once per request with a kept key (lib/auth/session-token.ts) and never re-issued.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const cookie = sessionCookie(
    (name) => jar.get(name)?.value,
    () => jar.getAll().map((c) => c.name),
  );
  const session = cookie ? decodeSessionToken(cookie.value, getAuthSecret(), cookie.name) : null;
  if (!session?.uid || !session.sid || typeof session.sv !== "number") return null;
  return sessionUser(await getDb(), { sid: session.sid, uid: session.uid, sv: session.sv });
});

/** For pages: the user, or a redirect to sign-in; a role outside `roles` sees the «no access» page. */
export async function requireUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login?expired=1");
  if (roles && !roles.includes(user.role)) redirect("/forbidden");
  return user;
}

/** For pages: a scope resolved by lib/auth/scoped, or the «not found» page when it is out of reach. */
export async function pageScope<T>(scoped: Promise<T>): Promise<T> {
  try {
    return await scoped;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
