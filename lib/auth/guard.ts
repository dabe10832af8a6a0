import "server-only";
import { eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { auth } from "./index";
import type { Role, SessionUser } from "./roles";

/**
 * The signed-in user, re-read from the database on every request: a deactivated account or a
 * changed role or scope (sessionVersion bumped) ends the session at once.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, session.uid)).limit(1);
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    municipalityId: user.municipalityId,
    regionId: user.regionId,
  };
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
