/** The sign-in refusals, one wording for the sign-in form and for the Auth.js endpoint's redirect. */
export const WRONG_CREDENTIALS = "Неверный адрес электронной почты или пароль.";

const THROTTLED = /^throttled-(\d{1,6})$/;

/** The refusal code Auth.js carries (also in the `code` of its redirect to /login). */
export function throttledCode(waitSeconds: number): string {
  return `throttled-${Math.min(Math.max(Math.ceil(waitSeconds), 1), 999_999)}`;
}

function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} с` : `${Math.ceil(seconds / 60)} мин`;
}

export function throttledMessage(waitSeconds: number): string {
  return `Слишком много неудачных попыток входа. Подождите ${waitText(Math.max(Math.ceil(waitSeconds), 1))} и попробуйте снова.`;
}

/** The message for a refusal code: the wait for a throttled attempt, otherwise the one «wrong» message. */
export function refusalMessage(code: string | null | undefined): string {
  const throttled = THROTTLED.exec(code ?? "");
  return throttled ? throttledMessage(Number(throttled[1])) : WRONG_CREDENTIALS;
}

/**
 * The one refusal of a regional (OIDC) sign-in that found no account to enter: the same for an unknown
 * identity, a deactivated account and an e-mail the provider has not verified — it tells nothing of which.
 */
export const SSO_REFUSED =
  "Вход через региональную учётную запись не удался. Обратитесь к администратору Наставника: учётную запись " +
  "в системе для вас заводит администратор или координатор.";

/** A regional sign-in cut short on the way (an expired or altered answer, the provider unreachable). */
export const SSO_FAILED =
  "Не удалось завершить вход через региональную учётную запись. Попробуйте ещё раз; если не получится — " +
  "войдите по паролю или обратитесь к администратору.";

/** The message of the /login?sso=… refusal: the wait when throttled, otherwise the one refusal. */
export function ssoRefusalMessage(code: string | null | undefined): string {
  return THROTTLED.test(code ?? "") ? refusalMessage(code) : SSO_REFUSED;
}
