import type { ValidationResult } from "@/lib/reports/validation";

/** The validation results: errors block submission, warnings are to be acknowledged. */
export function ChecksPanel({ checks }: { checks: ValidationResult }) {
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
            Ошибки ({checks.errors.length}) — отчёт нельзя отправить, пока они есть:
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
            Предупреждения ({checks.warnings.length}) — проверьте и подтвердите при отправке:
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
