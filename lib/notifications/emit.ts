import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications, organisations, users, type NotificationPayload } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { periodLabel, type Period } from "@/lib/reports/domain";
import type { NotificationKind } from "./kinds";

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  /** One event for one user: a second insert of the same key is ignored (scans, retries, several instances). */
  dedupeKey: string;
  payload: NotificationPayload;
}

/** Inserts notifications, skipping those already there; returns how many are new. */
export async function notify(db: DbOrTx, items: NewNotification[]): Promise<number> {
  if (!items.length) return 0;
  const inserted = await db
    .insert(notifications)
    .values(items)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return inserted.length;
}

/** Active users of a role in an organisation or a municipality. */
async function recipients(
  db: DbOrTx,
  role: Role,
  place: { organisationId: number } | { municipalityId: number },
) {
  const where =
    "organisationId" in place
      ? eq(users.organisationId, place.organisationId)
      : eq(users.municipalityId, place.municipalityId);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, role), eq(users.active, true), where));
  return rows.map((r) => r.id);
}

export const reportHref = (organisationId: number, p: Period) =>
  `/reports/${organisationId}/${p.year}-${p.quarter}`;

/**
 * The notifications of a report's transition, written by the transition's own transaction (the outbox): a
 * submission to the municipality's coordinators, a return (with the comment) and a reopening (with the reason) to
 * the organisation's curators. Nothing for the one who made the change.
 */
export async function notifyReportTransition(
  tx: DbOrTx,
  e: {
    transitionId: number;
    organisationId: number;
    municipalityId: number;
    period: Period;
    /** The workflow's action: "submit", "return", "reopen" (others notify nobody). */
    action: string;
    comment: string;
    byUserId: number;
  },
): Promise<void> {
  const kind: NotificationKind | null =
    e.action === "submit"
      ? "report_submitted"
      : e.action === "return"
        ? "report_returned"
        : e.action === "reopen"
          ? "report_reopened"
          : null;
  if (!kind) return;
  const [org] = await tx
    .select({ name: organisations.shortName })
    .from(organisations)
    .where(eq(organisations.id, e.organisationId));
  const period = periodLabel(e.period);
  const href = reportHref(e.organisationId, e.period);
  const to =
    kind === "report_submitted"
      ? await recipients(tx, "coordinator", { municipalityId: e.municipalityId })
      : await recipients(tx, "curator", { organisationId: e.organisationId });
  const payload: NotificationPayload =
    kind === "report_submitted"
      ? {
          title: "Отчёт отправлен на проверку",
          body: `${org?.name ?? "Организация"}: отчёт за ${period} ждёт проверки.`,
          href,
        }
      : kind === "report_returned"
        ? {
            title: "Отчёт возвращён на доработку",
            body: `Отчёт за ${period} (${org?.name ?? "организация"}) возвращён: исправьте и отправьте снова.`,
            href,
            comment: e.comment,
          }
        : {
            title: "Принятый отчёт открыт повторно",
            body: `Отчёт за ${period} (${org?.name ?? "организация"}) снова открыт для правки.`,
            href,
            comment: e.comment,
          };
  await notify(
    tx,
    to
      .filter((id) => id !== e.byUserId)
      .map((userId) => ({ userId, kind, dedupeKey: `${kind}:${e.transitionId}:${userId}`, payload })),
  );
}
