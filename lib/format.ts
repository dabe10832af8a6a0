/** Russian formatting of dates and numbers. Pure. */
import { DEFAULT_TIME_ZONE, formatDateTimeIn } from "@/lib/clock";

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}

/** An instant on the wall clock of `zone` (the region's, lib/territory/clock.ts). */
export function formatDateTime(value: Date | string | null | undefined, zone = DEFAULT_TIME_ZONE): string {
  return value ? formatDateTimeIn(value, zone) : "—";
}

export function formatNumber(n: number): string {
  return n.toLocaleString("ru-RU");
}

const PLURAL = new Intl.PluralRules("ru-RU");

/** The noun's form for a count, by Russian rules: 1 пара, 2 пары, 5 пар, 21 пара, 1,5 пары. */
export function plural(n: number, one: string, few: string, many: string): string {
  const rule = PLURAL.select(n);
  return rule === "one" ? one : rule === "many" ? many : few;
}
