import type { NotificationPayload } from "@/db/schema";
import { countOf } from "@/lib/format";
import type { Mail } from "@/lib/mail/send";

/**
 * One letter of notifications: the urgent one (a single event) or the day's digest (all that piled up since the
 * last one). Links are built from APP_URL only, never from a request.
 */
export function notificationsLetter(o: {
  to: string;
  name: string;
  appUrl: string;
  items: { payload: NotificationPayload }[];
}): Mail {
  const single = o.items.length === 1;
  const subject = single
    ? `Наставник: ${o.items[0].payload.title.toLowerCase()}`
    : `Наставник: ${countOf(o.items.length, "новое уведомление", "новых уведомления", "новых уведомлений")}`;
  const blocks = o.items.map(({ payload: p }) =>
    [
      p.title,
      p.body,
      ...(p.comment ? [`Комментарий: ${p.comment}`] : []),
      ...(p.href ? [`${o.appUrl}${p.href}`] : []),
    ].join("\n"),
  );
  return {
    to: o.to,
    subject,
    text: [
      `Здравствуйте, ${o.name}!`,
      "",
      single
        ? "В системе «Наставник» новое уведомление:"
        : "В системе «Наставник» для вас собраны уведомления:",
      "",
      blocks.join("\n\n"),
      "",
      "—",
      `Все уведомления: ${o.appUrl}/notifications`,
      `Какие письма присылать, можно выбрать в профиле: ${o.appUrl}/profile`,
    ].join("\n"),
  };
}
