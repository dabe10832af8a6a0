import type { RefusalCode } from "@/lib/actions/result";

/** Expected failures that become a Russian message for the user instead of a server error. */
export class DomainError extends Error {
  readonly code: RefusalCode = "refused";
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class ForbiddenError extends DomainError {
  override readonly code = "forbidden";
  constructor(message = "Недостаточно прав для этого действия.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  override readonly code = "not_found";
  constructor(message = "Запись не найдена или недоступна.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends DomainError {
  override readonly code = "conflict";
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Messages every refusal of a kind shares. */
export const SIGNED_OUT = "Сеанс завершён. Войдите снова.";
export const FORBIDDEN = "Недостаточно прав для этого действия.";
export const CHECK_FIELDS = "Проверьте выделенные поля.";
