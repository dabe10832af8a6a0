"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { acceptFormData, postedWithoutScripts } from "@/lib/actions/form-data";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf, logUnexpected } from "@/lib/actions/wrapper";
import { getDb } from "@/db";
import { clientAddress } from "@/lib/auth/client-address";
import { countAttempt } from "@/lib/auth/limits";
import { CHECK_FIELDS, DomainError } from "@/lib/errors";
import { mailEnabled } from "@/lib/mail/config";
import { sendMail } from "@/lib/mail/send";
import { passwordLinkMail } from "@/lib/mail/templates";
import { absoluteLink } from "../links";
import { requestReset, setPasswordWithLink } from "./mutations";
import { FORGOT_ANSWER, forgotPasswordSchema, setPasswordSchema } from "./schemas";

/** At most 3 letters per e-mail address and 20 requests per client address in 15 minutes (kept in PostgreSQL). */
const RESET_LIMITS = { email: 3, address: 20, windowMinutes: 15 };

/** Where a password set without JavaScript lands: the sign-in page, which says the password is set. */
const PASSWORD_SET_LOGIN = "/login?password=set";

/** Public: sets the password with a one-time link. */
export const setPasswordAction = acceptFormData<{ email: string }>(
  setPasswordSchema,
  async (input: unknown): Promise<ActionResult<{ email: string }>> => {
    const parsed = setPasswordSchema.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        code: "invalid",
        formError: CHECK_FIELDS,
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    let data: { email: string };
    try {
      data = await setPasswordWithLink(parsed.data.token, parsed.data.password);
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, code: error.code, formError: error.message };
      logUnexpected("action setPassword", error);
      return {
        ok: false,
        code: "error",
        formError: "Не удалось задать пароль. Попробуйте ещё раз через минуту.",
      };
    }
    // Without JavaScript the link's page would be rendered again, and the link is used now: to sign-in instead.
    if (await postedWithoutScripts()) redirect(PASSWORD_SET_LOGIN);
    return { ok: true, data, message: "Пароль задан. Теперь войдите с ним в систему." };
  },
);

/**
 * Public: «Забыли пароль?». Every well-formed request gets the same answer; a link is e-mailed only when
 * SMTP is configured and an active account has this address.
 */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, code: "invalid", formError: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error) };
  const answer = { ok: true as const, data: null, message: FORGOT_ANSWER };
  if (!mailEnabled()) return answer;
  const email = parsed.data.email;
  try {
    const address = clientAddress(await headers());
    const wait = await countAttempt(
      await getDb(),
      [
        { key: `reset-ip:${address}`, max: RESET_LIMITS.address },
        { key: `reset-email:${email}`, max: RESET_LIMITS.email },
      ],
      RESET_LIMITS.windowMinutes,
    );
    if (wait > 0) return answer;
    const issued = await requestReset(email);
    // The letter is not awaited: the answer takes about the same time whether or not the address exists.
    if (issued) {
      const link = await absoluteLink(issued.token);
      void sendMail(passwordLinkMail({ to: email, name: issued.user.name, link, purpose: "reset" }));
    }
  } catch (error) {
    logUnexpected("action requestPasswordReset", error);
  }
  return answer;
}
