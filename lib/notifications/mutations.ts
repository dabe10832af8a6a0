import "server-only";
import { and, eq, isNull, lte } from "drizzle-orm";
import type { z } from "zod";
import { notificationPreferences, notifications } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { writeTransaction } from "@/lib/derived";
import { DomainError, NotFoundError } from "@/lib/errors";
import { kindsFor } from "./kinds";
import type { markAllReadSchema, markReadSchema, notificationSettingsSchema } from "./schemas";

const NOT_FOUND = "Уведомление не найдено или недоступно.";

/** Marks one of the user's own notifications read; another user's is «not found». Read twice: still read. */
export async function markRead(user: SessionUser, input: z.output<typeof markReadSchema>) {
  return writeTransaction(async (tx) => {
    const [row] = await tx
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, input.id), eq(notifications.userId, user.id)))
      .for("update");
    if (!row) throw new NotFoundError(NOT_FOUND);
    if (row.readAt) return { marked: 0 };
    await tx.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, row.id));
    await audit(tx, { userId: user.id, action: "read", entity: "notification", entityId: row.id });
    return { marked: 1 };
  });
}

/** Marks the user's unread notifications up to the newest the page showed. */
export async function markAllRead(user: SessionUser, input: z.output<typeof markAllReadSchema>) {
  return writeTransaction(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, user.id),
          isNull(notifications.readAt),
          lte(notifications.id, input.lastId),
        ),
      )
      .returning({ id: notifications.id });
    if (!marked.length) throw new DomainError("Непрочитанных уведомлений нет.");
    await audit(tx, {
      userId: user.id,
      action: "read_all",
      entity: "notification",
      changes: { count: marked.length },
    });
    return { marked: marked.length };
  });
}

/** The user's own choice of e-mails, kind by kind (only the kinds the role receives). */
export async function saveNotificationSettings(
  user: SessionUser,
  input: z.output<typeof notificationSettingsSchema>,
) {
  const kinds = kindsFor(user.role);
  if (!kinds.length) throw new DomainError("Для вашей роли уведомлений по почте нет.");
  return writeTransaction(async (tx) => {
    const before = await tx
      .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, user.id));
    const was = new Map(before.map((r) => [r.kind, r.email]));
    const changed = kinds.filter((k) => (was.get(k) ?? true) !== input.email[k]);
    for (const kind of changed) {
      await tx
        .insert(notificationPreferences)
        .values({ userId: user.id, kind, email: input.email[kind] })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { email: input.email[kind], updatedAt: new Date() },
        });
    }
    if (changed.length) {
      await audit(tx, {
        userId: user.id,
        action: "notification_settings",
        entity: "user",
        entityId: user.id,
        changes: {
          emailOn: changed.filter((k) => input.email[k]),
          emailOff: changed.filter((k) => !input.email[k]),
        },
      });
    }
    return { changed: changed.length };
  });
}
