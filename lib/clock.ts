/**
 * The region's clock: which day and quarter it is, whether a deadline has passed and how an instant reads —
 * all in the region's time zone, so that «Просрочен» turns at the region's midnight, not at UTC's or the
 * server's. Pure (Intl only); the region's zone is read by lib/territory/clock.ts. Instants stay UTC in the
 * database; only "which day is it" and displayed times go through here.
 */
import type { Period } from "@/lib/reports/domain";

export const DEFAULT_TIME_ZONE = "Europe/Moscow";

/** Russia's time zones from west to east, as the admin chooses among them. */
export const TIME_ZONES = [
  ["Europe/Kaliningrad", "Калининград (МСК−1)"],
  ["Europe/Moscow", "Москва (МСК)"],
  ["Europe/Samara", "Самара (МСК+1)"],
  ["Asia/Yekaterinburg", "Екатеринбург (МСК+2)"],
  ["Asia/Omsk", "Омск (МСК+3)"],
  ["Asia/Novosibirsk", "Новосибирск (МСК+4)"],
  ["Asia/Krasnoyarsk", "Красноярск (МСК+4)"],
  ["Asia/Irkutsk", "Иркутск (МСК+5)"],
  ["Asia/Yakutsk", "Якутск (МСК+6)"],
  ["Asia/Vladivostok", "Владивосток (МСК+7)"],
  ["Asia/Magadan", "Магадан (МСК+8)"],
  ["Asia/Kamchatka", "Камчатка (МСК+9)"],
] as const satisfies readonly (readonly [string, string])[];
export type TimeZone = (typeof TIME_ZONES)[number][0];
export const TIME_ZONE_IDS = TIME_ZONES.map(([id]) => id) as [TimeZone, ...TimeZone[]];

/** The zone's Russian label, or the zone itself when it is not one of the list. */
export function timeZoneLabel(zone: string): string {
  return TIME_ZONES.find(([id]) => id === zone)?.[1] ?? zone;
}

/** The zone as an offset from Moscow, for column headings: «МСК+3». */
export function timeZoneShort(zone: string): string {
  return /\(([^)]+)\)$/.exec(timeZoneLabel(zone))?.[1] ?? zone;
}

// Building a formatter is costly; there are a dozen zones at most.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, kind: "date" | "dateTime"): Intl.DateTimeFormat {
  const key = `${kind} ${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("ru-RU", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      ...(kind === "dateTime" ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

function partsIn(zone: string, now: Date, kind: "date" | "dateTime") {
  const out: Record<string, string> = {};
  for (const p of formatter(zone, kind).formatToParts(now)) out[p.type] = p.value;
  return out as { year: string; month: string; day: string; hour?: string; minute?: string };
}

/** The date in the zone at `now`, as YYYY-MM-DD. */
export function todayIn(zone: string, now: Date = new Date()): string {
  const { year, month, day } = partsIn(zone, now, "date");
  return `${year}-${month}-${day}`;
}

/**
 * The date in Russia's easternmost zone, after which no region's today lies. For checks that run without the
 * region (a form schema shared with the browser), so that no region is refused its own today.
 */
export function latestToday(now: Date = new Date()): string {
  return todayIn(TIME_ZONES[TIME_ZONES.length - 1][0], now);
}

/** The quarter in the zone at `now`. */
export function quarterIn(zone: string, now: Date = new Date()): Period {
  const [year, month] = todayIn(zone, now).split("-").map(Number);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** A deadline (YYYY-MM-DD, the last day to hand in) has passed once its day is over in the zone. */
export function isOverdue(deadline: string, zone: string, now: Date = new Date()): boolean {
  return todayIn(zone, now) > deadline;
}

const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in minutes (Intl's «GMT+06:00»). */
function offsetMinutes(zone: string, at: number): number {
  const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
  const name = f.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  const m = /([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant the zone's day `day` (YYYY-MM-DD), moved by `plusDays`, begins: for «from–to» filters. */
export function dayStartIn(day: string, zone: string, plusDays = 0): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + plusDays * DAY_MS;
  const guess = wall - offsetMinutes(zone, wall) * 60_000;
  return new Date(wall - offsetMinutes(zone, guess) * 60_000);
}

/** An instant as the zone's wall clock shows it: «10.10.2026, 23:59». */
export function formatDateTimeIn(value: Date | string, zone: string): string {
  const { year, month, day, hour, minute } = partsIn(zone, new Date(value), "dateTime");
  return `${day}.${month}.${year}, ${hour}:${minute}`;
}

/** The day of an instant in the zone: «10.10.2026». */
export function formatDayIn(value: Date | string, zone: string): string {
  const { year, month, day } = partsIn(zone, new Date(value), "date");
  return `${day}.${month}.${year}`;
}

/** A clock fixed to a zone; `now` is injectable for tests. */
export interface Clock {
  readonly zone: string;
  today(): string;
  quarter(): Period;
  isOverdue(deadline: string): boolean;
}

export function clockIn(zone: string, now: () => Date = () => new Date()): Clock {
  return {
    zone,
    today: () => todayIn(zone, now()),
    quarter: () => quarterIn(zone, now()),
    isOverdue: (deadline) => isOverdue(deadline, zone, now()),
  };
}
