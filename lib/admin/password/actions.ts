"use server";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf, logUnexpected } from "@/lib/actions/wrapper";
import { Throttle } from "@/lib/auth/throttle";
import { CHECK_FIELDS, DomainError } from "@/lib/errors";
import { mailEnabled } from "@/lib/mail/config";
import { sendMail } from "@/lib/mail/send";
import { passwordLinkMail } from "@/lib/mail/templates";
import { absoluteLink } from "../links";
import { requestReset, setPasswordWithLink } from "./mutations";
import { FORGOT_ANSWER, forgotPasswordSchema, setPasswordSchema } from "./schemas";

const KEY = Symbol.for("nastavnik.reset-throttle");
const g = globalThis as { [KEY]?: { email: Throttle; ip: Throttle } };
/** At most 3 letters per address and 20 requests per network address in 15 minutes. */
const throttle = (g[KEY] ??= { email: new Throttle(3, 15 * 60_000), ip: new Throttle(20, 15 * 60_000) });

/** Public: sets the password with a one-time link. */
export async function setPasswordAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = setPasswordSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, code: "invalid", formError: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const data = await setPasswordWithLink(parsed.data.token, parsed.data.password);
    return { ok: true, data, message: "Пароль задан. Теперь войдите с ним в систему." };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code, formError: error.message };
    logUnexpected("action setPassword", error);
    return {
      ok: false,
      code: "error",
      formError: "Не удалось задать пароль. Попробуйте ещё раз через минуту.",
    };
  }
}

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
  const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
  const emailKey = [`email:${email}`];
  const ipKey = [`ip:${ip}`];
  if (throttle.email.waitFor(emailKey) > 0 || throttle.ip.waitFor(ipKey) > 0) return answer;
  throttle.email.fail(emailKey);
  throttle.ip.fail(ipKey);
  try {
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
