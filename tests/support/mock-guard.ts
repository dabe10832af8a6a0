import type { Role, SessionUser } from "@/lib/auth/roles";
import { sessionUser } from "./session";

export async function currentUser(): Promise<SessionUser | null> {
  return sessionUser();
}

export async function requireUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = sessionUser();
  if (!user) throw new Error("NEXT_REDIRECT /login");
  if (roles && !roles.includes(user.role)) throw new Error("NEXT_REDIRECT /forbidden");
  return user;
}

/** As the real one, with «not found» thrown as Next's would be. */
export async function pageScope<T>(scoped: Promise<T>): Promise<T> {
  return scoped;
}
