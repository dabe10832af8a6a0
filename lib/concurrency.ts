import { ConflictError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

/**
 * Optimistic locking, one way for every record: the form carries the `updatedAt` (or version) it was opened
 * with; the write locks the row and refuses when it has changed since, with one message.
 */
export function conflictMessage(what: string, changedAt: Date, by?: string | null, zone?: string): string {
  return `${what} уже изменили${by ? ` (${by}, ${formatDateTime(changedAt, zone)})` : ` (${formatDateTime(changedAt, zone)})`}, пока форма была открыта у вас. Ваши изменения не сохранены: обновите страницу, чтобы увидеть новые данные, и внесите их снова.`;
}

/**
 * Throws the conflict when the row's stamp differs from the one the form was opened with.
 * `what` names the record in the accusative, capitalised: «Документ», «Программу», «Отчёт».
 * `zone` is the region's time zone (lib/territory/clock.ts) for the time in the message.
 */
export function assertUnchanged(
  what: string,
  current: Date | number,
  expected: Date | string | number,
  opts: { changedAt?: Date; by?: string | null; zone?: string } = {},
): void {
  const a = current instanceof Date ? current.getTime() : current;
  const b =
    expected instanceof Date
      ? expected.getTime()
      : typeof expected === "string"
        ? new Date(expected).getTime()
        : expected;
  if (a !== b)
    throw new ConflictError(
      conflictMessage(
        what,
        opts.changedAt ?? (current instanceof Date ? current : new Date()),
        opts.by,
        opts.zone,
      ),
    );
}
