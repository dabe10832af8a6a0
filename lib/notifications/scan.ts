import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db";
import { municipalities, organisations, periods, regions, reports, users } from "@/db/schema";
import { todayIn } from "@/lib/clock";
import { countOf, formatDate } from "@/lib/format";
import { periodLabel } from "@/lib/reports/domain";
import { overdueRoadmapItems, roadmapItemsComingDue } from "@/lib/roadmap/queries";
import { notify, reportHref, type NewNotification } from "./emit";

const DAY_MS = 86_400_000;
/** A passed deadline is reported once, and only while it is recent: an old unsent quarter is not news. */
export const OVERDUE_WINDOW_DAYS = 30;

/** Whole days from `today` to `day` (both YYYY-MM-DD). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/**
 * Which deadline event a day falls on: 7 days before (or fewer, when the scan first sees it later), 2 days
 * before, or passed. Each is one dedupe key, so a curator gets each at most once.
 */
export function deadlineStage(daysLeft: number): "deadline7" | "deadline2" | "overdue" | null {
  if (daysLeft > 7) return null;
  if (daysLeft > 2) return "deadline7";
  if (daysLeft >= 0) return "deadline2";
  if (daysLeft >= -OVERDUE_WINDOW_DAYS) return "overdue";
  return null;
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Creates the deadline notifications due at `now`, by each region's clock: for every open period whose deadline
 * is 7 or 2 days ahead or has passed, each active curator of an obliged organisation whose report is not sent
 * (none, draft or returned). Idempotent: run it as often as wanted, from as many instances as there are.
 */
export async function scanDeadlines(db: Db, now: Date): Promise<number> {
  let created = 0;
  for (const region of await db.select({ id: regions.id, zone: regions.timeZone }).from(regions)) {
    const today = todayIn(region.zone, now);
    const due = await db
      .select()
      .from(periods)
      .where(
        and(
          eq(periods.regionId, region.id),
          eq(periods.open, true),
          gte(periods.deadline, shiftDay(today, -OVERDUE_WINDOW_DAYS)),
          lte(periods.deadline, shiftDay(today, 7)),
        ),
      );
    for (const p of due) {
      const left = daysBetween(today, p.deadline);
      const stage = deadlineStage(left);
      if (!stage) continue;
      const period = { year: p.year, quarter: p.quarter };
      const rows = await db
        .select({ orgId: organisations.id, userId: users.id })
        .from(organisations)
        .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
        .innerJoin(
          users,
          and(eq(users.organisationId, organisations.id), eq(users.role, "curator"), eq(users.active, true)),
        )
        .leftJoin(
          reports,
          and(
            eq(reports.organisationId, organisations.id),
            eq(reports.year, p.year),
            eq(reports.quarter, p.quarter),
          ),
        )
        .where(
          and(
            eq(municipalities.regionId, region.id),
            eq(organisations.obliged, true),
            eq(organisations.archived, false),
            or(isNull(reports.id), inArray(reports.status, ["draft", "returned"])),
          ),
        );
      const label = periodLabel(period);
      const payload =
        stage === "overdue"
          ? {
              title: "Срок сдачи отчёта прошёл",
              body: `Отчёт за ${label} не отправлен, срок был ${formatDate(p.deadline)}. Отправьте его как можно скорее.`,
            }
          : {
              title:
                left === 0
                  ? "Сегодня последний день сдачи отчёта"
                  : `Срок сдачи отчёта — через ${countOf(left, "день", "дня", "дней")}`,
              body: `Отчёт за ${label} нужно отправить на проверку до ${formatDate(p.deadline)} включительно.`,
            };
      const items: NewNotification[] = rows.map((r) => ({
        userId: r.userId,
        kind: stage === "overdue" ? "deadline_passed" : "deadline_soon",
        dedupeKey: `${stage}:${r.orgId}:${p.year}q${p.quarter}:${r.userId}`,
        payload: { ...payload, href: reportHref(r.orgId, period) },
      }));
      // In slices: a region of thousands of curators is not one statement of unbounded size.
      for (let i = 0; i < items.length; i += 500) created += await notify(db, items.slice(i, i + 500));
    }
  }
  created += await scanRoadmap(db, now);
  return created;
}

/**
 * Roadmap items coming due (within 7 days, by the region's clock) and overdue (their last day passed, recently:
 * an old backlog is the roadmap page's business, not a reminder's): one notification per item and recipient —
 * an organisation's item to its curators, a municipality's to its coordinators. Idempotent through the keys.
 */
async function scanRoadmap(db: Db, now: Date): Promise<number> {
  let created = 0;
  for (const region of await db.select({ id: regions.id, zone: regions.timeZone }).from(regions)) {
    const today = todayIn(region.zone, now);
    const soon = await roadmapItemsComingDue(db, {
      regionId: region.id,
      from: today,
      to: shiftDay(today, 7),
    });
    const late = (
      await overdueRoadmapItems(db, { regionId: region.id, today, levels: ["organisation", "municipality"] })
    ).filter((item) => item.dueEnd >= shiftDay(today, -OVERDUE_WINDOW_DAYS));
    const items: NewNotification[] = [];
    for (const [stage, list] of [
      ["roadmap_due", soon],
      ["roadmap_overdue", late],
    ] as const) {
      for (const item of list) {
        const place =
          item.organisationId != null
            ? { role: "curator" as const, where: eq(users.organisationId, item.organisationId) }
            : item.municipalityId != null
              ? { role: "coordinator" as const, where: eq(users.municipalityId, item.municipalityId) }
              : null;
        if (!place) continue;
        const recipients = await db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.role, place.role), eq(users.active, true), place.where));
        const href =
          item.organisationId != null
            ? `/roadmap/org/${item.organisationId}`
            : `/roadmap/municipality/${item.municipalityId}`;
        const payload =
          stage === "roadmap_due"
            ? {
                title: "Приближается срок пункта дорожной карты",
                body: `«${item.title}» — срок ${formatDate(item.dueEnd)}.`,
                href,
              }
            : {
                title: "Пункт дорожной карты просрочен",
                body: `«${item.title}» — срок был ${formatDate(item.dueEnd)}, пункт не отмечен выполненным.`,
                href,
              };
        for (const r of recipients)
          items.push({ userId: r.id, kind: stage, dedupeKey: `${stage}:${item.id}:${r.id}`, payload });
      }
    }
    for (let i = 0; i < items.length; i += 500) created += await notify(db, items.slice(i, i + 500));
  }
  return created;
}
