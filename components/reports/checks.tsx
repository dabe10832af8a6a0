import type { ValidationResult } from "@/lib/reports/validation";
import type { ReportStatus } from "@/lib/vocabulary";

/**
 * What the lists are for, said to whoever reads them: the curator confirms warnings when sending; once the
 * report is sent they are the ones confirmed; others read what the curator will have to do.
 */
function intro(status: ReportStatus, curator: boolean) {
  const sent = status === "submitted" || status === "approved";
  if (sent)
    return {
      errors: "Ошибки",
      warnings: curator
        ? "Предупреждения, которые вы подтвердили при отправке"
        : "Предупреждения, которые куратор подтвердил при отправке",
    };
  return curator
    ? {
        errors: "Ошибки — отчёт нельзя отправить, пока они есть",
        warnings: "Предупреждения — проверьте и подтвердите при отправке",
      }
    : {
        errors: "Ошибки — куратор не сможет отправить отчёт, пока они есть",
        warnings: "Предупреждения — куратор подтвердит их при отправке",
      };
}

/** The validation results: errors block submission, warnings are to be acknowledged. */
export function ChecksPanel({
  checks,
  status,
  curator,
}: {
  checks: ValidationResult;
  status: ReportStatus;
  /** Whether the reader is the organisation's curator (who sends the report). */
  curator: boolean;
}) {
  const say = intro(status, curator);
  if (!checks.errors.length && !checks.warnings.length) {
    return (
      <p
        role="status"
        className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
      >
        Проверка пройдена: ошибок и предупреждений нет.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {checks.errors.length > 0 && (
        <div className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-semibold">
            {say.errors} ({checks.errors.length}):
          </p>
          <ul className="mt-1 list-disc pl-5">
            {checks.errors.map((e) => (
              <li key={e.field + e.message}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {checks.warnings.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-semibold">
            {say.warnings} ({checks.warnings.length}):
          </p>
          <ul className="mt-1 list-disc pl-5">
            {checks.warnings.map((w) => (
              <li key={w.field + w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** What a sent report's banner says to each reader: who acts next, and how a change is still possible. */
export function sentNote(
  status: "submitted" | "approved",
  role: string,
  can: { canReview?: boolean; canReopen?: boolean },
): string {
  if (status === "approved")
    return can.canReopen
      ? "Изменения закрыты; чтобы исправить принятый отчёт, откройте его повторно («Повторное открытие»)."
      : "Изменения закрыты; исправить принятый отчёт можно, только если администратор откроет его повторно.";
  if (can.canReview) return "Отчёт ждёт вашего решения: примите его или верните куратору с комментарием.";
  return role === "curator"
    ? "Пока отчёт на проверке, он закрыт для изменений. Если координатор вернёт его, здесь появится комментарий."
    : "Пока отчёт на проверке, он закрыт для изменений; решение принимает муниципальный координатор.";
}
