import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { execRows } from "@/db/client";
import { notificationMails, notifications, type NotificationPayload } from "@/db/schema";
import { DEFAULT_TIME_ZONE, todayIn } from "@/lib/clock";
import { mailConfig, mailEnabled } from "@/lib/mail/config";
import { sendLetter } from "./transport";
import { URGENT_KINDS } from "./kinds";
import { notificationsLetter } from "./letter";

/** The hour (region time) from which the day's digest goes out; DIGEST_HOUR in the environment, 8 by default. */
export function digestHour(source: NodeJS.ProcessEnv = process.env): number {
  const n = Number(source.DIGEST_HOUR);
  return Number.isInteger(n) && n >= 0 && n <= 23 && source.DIGEST_HOUR?.trim() ? n : 8;
}

/** Notifications older than this are not mailed (e.g. made while the user had e-mail off): the app has them. */
export const MAIL_LOOKBACK_DAYS = 7;

const hourFormats = new Map<string, Intl.DateTimeFormat>();
/** The hour of the day (0–23) in the zone at `now`. */
export function hourIn(zone: string, now: Date): number {
  let f = hourFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" });
    hourFormats.set(zone, f);
  }
  return Number(f.formatToParts(now).find((p) => p.type === "hour")?.value ?? 0);
}

type LetterKind = "digest" | "urgent";

/** Notifications of the user that a letter may still carry: not mailed, recent, of a kind the user wants by mail. */
function mailable(userId: number, now: Date, kinds?: readonly string[]) {
  return and(
    eq(notifications.userId, userId),
    isNull(notifications.mailId),
    gt(notifications.createdAt, new Date(now.getTime() - MAIL_LOOKBACK_DAYS * 86_400_000)),
    lte(notifications.createdAt, now),
    kinds ? inArray(notifications.kind, [...kinds]) : undefined,
    sql`not exists (select 1 from notification_preferences p
      where p.user_id = ${notifications.userId} and p.kind = ${notifications.kind} and not p.email)`,
  );
}

interface Recipient {
  id: number;
  email: string;
  name: string;
  zone: string;
}

/** Active users with something to mail, and the zone of the region each works in. */
async function recipients(db: Db, now: Date, kinds?: readonly string[]): Promise<Recipient[]> {
  const since = new Date(now.getTime() - MAIL_LOOKBACK_DAYS * 86_400_000);
  const kindFilter = kinds
    ? sql`and n.kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  return execRows<Recipient>(
    db,
    sql`select u.id, u.email, u.name,
          coalesce(rr.time_zone, rm.time_zone, ro.time_zone, ${DEFAULT_TIME_ZONE}) as zone
        from users u
        left join regions rr on rr.id = u.region_id
        left join municipalities m on m.id = u.municipality_id
        left join regions rm on rm.id = m.region_id
        left join organisations o on o.id = u.organisation_id
        left join municipalities om on om.id = o.municipality_id
        left join regions ro on ro.id = om.region_id
        where u.active and exists (
          select 1 from notifications n
          where n.user_id = u.id and n.mail_id is null and n.created_at > ${since.toISOString()}::timestamptz
            and n.created_at <= ${now.toISOString()}::timestamptz
            ${kindFilter}
            and not exists (select 1 from notification_preferences p
              where p.user_id = n.user_id and p.kind = n.kind and not p.email))
        order by u.id`,
  );
}

class NothingToClaim extends Error {}

/**
 * Claims the user's letter of the day: inserts it (unique per user, day and kind: a second worker's insert finds
 * it and gets nothing) and attaches the notifications it carries, in one transaction, before anything is sent.
 */
export async function claimLetter(
  db: Db,
  user: Pick<Recipient, "id">,
  kind: LetterKind,
  day: string,
  now: Date,
): Promise<{ mailId: number; items: { id: number; payload: NotificationPayload }[] } | null> {
  try {
    return await db.transaction(async (tx) => {
      const [mail] = await tx
        .insert(notificationMails)
        .values({ userId: user.id, kind, day })
        .onConflictDoNothing()
        .returning({ id: notificationMails.id });
      if (!mail) return null;
      // A concurrent claim of the same rows waits for this one and then finds them taken (mail_id is set).
      const items = await tx
        .update(notifications)
        .set({ mailId: mail.id })
        .where(mailable(user.id, now, kind === "urgent" ? URGENT_KINDS : undefined))
        .returning({
          id: notifications.id,
          payload: notifications.payload,
          createdAt: notifications.createdAt,
        });
      if (!items.length) throw new NothingToClaim();
      items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
      return { mailId: mail.id, items };
    });
  } catch (error) {
    if (error instanceof NothingToClaim) return null;
    throw error;
  }
}

/** Sends a claimed letter; marks it sent, or, when the server refused it, gives its notifications back. */
async function deliver(db: Db, user: Recipient, claim: NonNullable<Awaited<ReturnType<typeof claimLetter>>>) {
  const config = mailConfig();
  const sent = await sendLetter(
    notificationsLetter({ to: user.email, name: user.name, appUrl: config.appUrl!, items: claim.items }),
  );
  if (sent) {
    await db
      .update(notificationMails)
      .set({ state: "sent", sentAt: new Date() })
      .where(eq(notificationMails.id, claim.mailId));
    return true;
  }
  // Refused before the server accepted it: nothing went out, so the claim is undone and the queue retries.
  await db.transaction(async (tx) => {
    await tx.update(notifications).set({ mailId: null }).where(eq(notifications.mailId, claim.mailId));
    await tx.delete(notificationMails).where(eq(notificationMails.id, claim.mailId));
  });
  return false;
}

/**
 * Sends what is due at `now`: first the urgent letters (a returned report: at once, one such letter a day per
 * person), then the digests of those whose region's clock has passed the digest hour and who have had none today.
 * Exactly once: each letter is claimed before it is sent; a claim left by a crash is not resent.
 */
export async function sendDueMails(db: Db, now: Date): Promise<{ sent: number; failed: number }> {
  const out = { sent: 0, failed: 0 };
  if (!mailEnabled()) return out;
  const hour = digestHour();
  for (const kind of ["urgent", "digest"] as const) {
    for (const user of await recipients(db, now, kind === "urgent" ? URGENT_KINDS : undefined)) {
      if (kind === "digest" && hourIn(user.zone, now) < hour) continue;
      const claim = await claimLetter(db, user, kind, todayIn(user.zone, now), now);
      if (!claim) continue;
      if (await deliver(db, user, claim)) out.sent++;
      else out.failed++;
    }
  }
  return out;
}
