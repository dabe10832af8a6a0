"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf } from "@/lib/actions/wrapper";
import { safeCallbackPath } from "./config";
import { signInWaitSeconds } from "./credentials";
import { signIn, signOut } from "./index";
import { signInSchema } from "./schemas";

const WRONG = "Неверный адрес электронной почты или пароль.";

/** Signs in with e-mail and password; one message for a wrong e-mail and a wrong password alike. */
export async function signInAction(input: unknown): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, formError: "Проверьте выделенные поля.", fieldErrors: fieldErrorsOf(parsed.error) };
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      if (error instanceof CredentialsSignin && error.code === "throttled") {
        const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
        const wait = Math.max(signInWaitSeconds(email, ip), 1);
        return {
          ok: false,
          formError: `Слишком много неудачных попыток входа. Подождите ${wait} с и попробуйте снова.`,
        };
      }
      return { ok: false, formError: WRONG };
    }
    throw error;
  }
  return { ok: true, data: null };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
