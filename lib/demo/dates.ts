/** ISO dates ('YYYY-MM-DD') as day numbers, and the month-weighted picking of entry dates. */
import { DEFAULT_TIME_ZONE, quarterIn, todayIn } from "../../lib/clock";
import type { Rng } from "./random";

const DAY_MS = 86_400_000;

/** The demo region keeps the default time zone: its «today» and current quarter are the region's clock's. */
export const demoToday = (now: Date) => todayIn(DEFAULT_TIME_ZONE, now);
export const demoQuarter = (now: Date) => quarterIn(DEFAULT_TIME_ZONE, now);

export function dayNum(iso: string): number {
  return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(iso: string, days: number): string {
  return isoOf(dayNum(iso) + days);
}

export function minIso(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

/** A day in [lo, hi], uniformly. */
export function randomDay(rng: Rng, lo: string, hi: string): string {
  const a = dayNum(lo);
  const b = dayNum(hi);
  return isoOf(b <= a ? a : rng.int(a, b));
}

/** A moment on `iso` in working hours (UTC), for timestamps. */
export function timeOn(rng: Rng, iso: string): Date {
  return new Date(dayNum(iso) * DAY_MS + rng.int(5 * 60, 14 * 60) * 60_000 + rng.int(0, 59) * 1000);
}

/**
 * Relative weight of mentorship entries by month: most pairs are formed at the start of the school year
 * (September–October), a second wave in January–February, almost none in summer.
 */
const ENTRY_MONTH_WEIGHTS = [10, 8, 5, 3, 2, 1, 0.3, 1, 30, 24, 10, 5];

function monthSpans(year: number, lo: string, hi: string) {
  const spans: { from: number; to: number; weight: number }[] = [];
  for (let m = 0; m < 12; m++) {
    const start = Math.floor(Date.UTC(year, m, 1) / DAY_MS);
    const end = Math.floor(Date.UTC(year, m + 1, 0) / DAY_MS);
    const from = Math.max(start, dayNum(lo));
    const to = Math.min(end, dayNum(hi));
    if (to < from) continue;
    spans.push({ from, to, weight: (ENTRY_MONTH_WEIGHTS[m] * (to - from + 1)) / (end - start + 1) });
  }
  return spans;
}

/** The weight of entries falling in [lo, hi] of `year` (1 for the whole year). */
export function entryWeight(year: number, lo: string, hi: string): number {
  const total = ENTRY_MONTH_WEIGHTS.reduce((s, w) => s + w, 0);
  return monthSpans(year, lo, hi).reduce((s, x) => s + x.weight, 0) / total;
}

/** An entry date in [lo, hi] (inside one year), months weighted as in ENTRY_MONTH_WEIGHTS. */
export function entryDate(rng: Rng, year: number, lo: string, hi: string): string {
  const spans = monthSpans(year, lo, hi);
  if (spans.length === 0) return lo;
  const span = rng.weighted(spans.map((s) => [s, s.weight] as const));
  return isoOf(rng.int(span.from, span.to));
}
