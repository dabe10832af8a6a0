/** The kinds of notifications (issue 13), who gets each and how each reads. Pure: shared with the pages. */
import type { Role } from "@/lib/auth/roles";

export const NOTIFICATION_KINDS = [
  "deadline_soon",
  "deadline_passed",
  "report_returned",
  "report_reopened",
  "report_submitted",
  "roadmap_due",
  "roadmap_overdue",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface KindInfo {
  /** As the profile lists it: what the user turns e-mail on or off for. */
  label: string;
  hint: string;
  /** Who may receive it. */
  roles: readonly Role[];
  /** Sent at once (one such letter a day at most) instead of waiting for the morning's digest. */
  urgent?: boolean;
  /** Not produced yet: left out of the profile until something creates it. */
  pending?: boolean;
}

export const KINDS: Record<NotificationKind, KindInfo> = {
  deadline_soon: {
    label: "Приближается срок сдачи отчёта",
    hint: "за 7 и за 2 дня до срока, если отчёт ещё не отправлен",
    roles: ["curator"],
  },
  deadline_passed: {
    label: "Срок сдачи отчёта прошёл",
    hint: "если отчёт так и не отправлен",
    roles: ["curator"],
  },
  report_returned: {
    label: "Отчёт возвращён на доработку",
    hint: "с комментарием проверяющего; письмо приходит сразу",
    roles: ["curator"],
    urgent: true,
  },
  report_reopened: {
    label: "Принятый отчёт открыт повторно",
    hint: "с причиной",
    roles: ["curator"],
  },
  report_submitted: {
    label: "Отчёт отправлен на проверку",
    hint: "организацией вашего муниципалитета",
    roles: ["coordinator"],
  },
  roadmap_due: {
    label: "Приближается срок пункта дорожной карты",
    hint: "за неделю до срока, для дорожной карты вашей организации или муниципалитета",
    roles: ["curator", "coordinator"],
  },
  roadmap_overdue: {
    label: "Пункт дорожной карты просрочен",
    hint: "если срок прошёл, а пункт не отмечен выполненным",
    roles: ["curator", "coordinator"],
  },
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The kinds a role may receive (and something creates), in the profile's order. */
export function kindsFor(role: Role): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((k) => KINDS[k].roles.includes(role) && !KINDS[k].pending);
}

export const URGENT_KINDS = NOTIFICATION_KINDS.filter((k) => KINDS[k].urgent);
