/**
 * The instant the reminder jobs take as «now». Real time, unless a test moves it (setReminderClock): the scans
 * and the digests then run as they would on that day, by each region's clock.
 */
const KEY = Symbol.for("nastavnik.reminderClock");
type Holder = { [KEY]?: () => Date };

export function reminderNow(): Date {
  return (globalThis as Holder)[KEY]?.() ?? new Date();
}

/** Tests only: fix «now» for the reminder jobs (null: back to real time). */
export function setReminderClock(now: (() => Date) | null): void {
  (globalThis as Holder)[KEY] = now ?? undefined;
}
