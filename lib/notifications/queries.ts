import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { notificationPreferences, notifications } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { unreadAtLookup } from "@/lib/auth/sessions";
import { kindsFor, type NotificationKind } from "./kinds";

/** How many notifications the user has not read: the bell's figure. */
export async function unreadCount(user: Pick<SessionUser, "id">): Promise<number> {
  // Counted with the session's lookup when `user` is this request's session user.
  const counted = unreadAtLookup(user);
  if (counted !== undefined) return counted;
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export const PAGE_SIZE = 50;

/** The user's own notifications, newest first, a page at a time. */
export async function notificationList(user: Pick<SessionUser, "id">, page = 1) {
  const db = await getDb();
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
}

/** The user's e-mail choice per kind they may receive (on unless turned off). */
export async function emailChoices(user: Pick<SessionUser, "id" | "role">) {
  const db = await getDb();
  const off = await db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, user.id));
  const stored = new Map(off.map((r) => [r.kind, r.email]));
  return Object.fromEntries(kindsFor(user.role).map((k) => [k, stored.get(k) ?? true])) as Partial<
    Record<NotificationKind, boolean>
  >;
}
