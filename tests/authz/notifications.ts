/**
 * Notifications (issue 13) are a user's own: «own» is a notification of the acting user, «sibling» one of another
 * user of the region, «other region» one of a user elsewhere — reading or marking those is «not found».
 */
import { getDb } from "@/db";
import { notifications } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import type { AttemptContext, MatrixRow } from "./types";

let seq = 0;

/** A fresh unread notification of the user. */
async function notificationOf(user: SessionUser) {
  const db = await getDb();
  const [n] = await db
    .insert(notifications)
    .values({
      userId: user.id,
      kind: "report_submitted",
      dedupeKey: `authz:${Date.now()}:${++seq}:${user.id}`,
      payload: { title: "Отчёт отправлен на проверку", body: "Проверка прав", href: null },
    })
    .returning();
  return n;
}

/** The owner of the notification the case targets. */
function ownerOf(ctx: Pick<AttemptContext, "t" | "other" | "actor" | "target">): SessionUser {
  if (ctx.target === "own") return ctx.t.users[ctx.actor];
  if (ctx.target === "otherRegion") return ctx.other.users[ctx.actor];
  return ctx.actor === "curator" ? ctx.t.users.siblingCurator : ctx.t.users.siblingCoordinator;
}

const allOn = {
  deadline_soon: true,
  deadline_passed: true,
  report_returned: true,
  report_reopened: true,
  report_submitted: true,
  roadmap_due: true,
  roadmap_overdue: true,
};

export const rows: Record<string, MatrixRow> = {
  markNotificationReadAction: {
    allowed: ["curator", "coordinator", "ministry", "admin", "federal"],
    // Another user's notification is not found, whoever asks (the federal level included).
    reasons: { "federal:sibling": "not_found", "federal:otherRegion": "not_found" },
    attempt: async (ctx) => {
      const { markNotificationReadAction } = await import("@/lib/notifications/actions");
      const n = await notificationOf(ownerOf(ctx));
      return ctx.act(() => markNotificationReadAction({ id: n.id }));
    },
  },
  markAllNotificationsReadAction: {
    allowed: ["curator", "coordinator", "ministry", "admin", "federal"],
    // It marks only the caller's own notifications, whatever id it is given: there is no one else's to target.
    targets: ["own"],
    attempt: async (ctx) => {
      const { markAllNotificationsReadAction } = await import("@/lib/notifications/actions");
      const n = await notificationOf(ownerOf(ctx));
      return ctx.act(() => markAllNotificationsReadAction({ lastId: n.id }));
    },
  },
  saveNotificationSettingsAction: {
    // Curators and coordinators receive notifications; the ministry and the admin have none to choose.
    allowed: ["curator", "coordinator"],
    targets: ["own"],
    attempt: async (ctx) => {
      const { saveNotificationSettingsAction } = await import("@/lib/notifications/actions");
      return ctx.act(() =>
        saveNotificationSettingsAction({ email: { ...allOn, deadline_soon: seq++ % 2 === 0 } }),
      );
    },
  },
};
