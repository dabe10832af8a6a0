"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { acceptFormData } from "@/lib/actions/form-data";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf } from "@/lib/actions/wrapper";
import { safeCallbackPath } from "./config";
import { signIn, signOut } from "./index";
import { refusalMessage, SSO_FAILED, WRONG_CREDENTIALS } from "./messages";
import { OIDC_PROVIDER_ID, oidcEnabled } from "./oidc";
import { signInSchema, ssoSignInSchema } from "./schemas";

/**
 * Signs in with e-mail and password through the Auth.js credentials provider (the same limits as its
 * endpoint); one message for a wrong e-mail and a wrong password alike, the wait when throttled. Also the
 * form's action without JavaScript: the session cookie is set and the browser is sent on with a 303; a refusal
 * re-renders the form with the message and the e-mail, never the password.
 */
export const signInAction = acceptFormData(signInSchema, async (input: unknown): Promise<ActionResult> => {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, formError: "Проверьте выделенные поля.", fieldErrors: fieldErrorsOf(parsed.error) };
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : undefined;
      return { ok: false, formError: code ? refusalMessage(code) : WRONG_CREDENTIALS };
    }
    throw error;
  }
  return { ok: true, data: null };
});

/**
 * «Войти через региональную учётную запись»: Auth.js sets the state, PKCE and nonce cookies and the browser is
 * sent to the regional provider (with JavaScript and without: the form posts here and gets a 303). Refused in
 * Russian when SSO is not configured. Which account the identity enters is decided at the callback
 * (lib/auth/sso.ts).
 */
export const ssoSignInAction = acceptFormData(
  ssoSignInSchema,
  async (input: unknown): Promise<ActionResult> => {
    if (!oidcEnabled())
      return { ok: false, formError: "Вход через региональную учётную запись в этой системе не настроен." };
    const parsed = ssoSignInSchema.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, formError: SSO_FAILED };
    try {
      await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackPath(parsed.data.callbackUrl) });
    } catch (error) {
      if (error instanceof AuthError) return { ok: false, formError: SSO_FAILED };
      throw error;
    }
    return { ok: true, data: null };
  },
);

/** Signs out: Auth.js's signOut event revokes the session's row (lib/auth/index.ts). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
