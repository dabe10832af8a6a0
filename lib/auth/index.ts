import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { clientAddress } from "./client-address";
import { authConfig } from "./config";
import { checkCredentials } from "./credentials";
import { throttledCode } from "./messages";
import { revokeSession } from "./sessions";
import { getAuthSecret } from "./secret";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** The endpoint and the sign-in action alike: the action's signIn() passes the request's headers here. */
export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: getAuthSecret(),
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const headers = request?.headers ?? new Headers();
        const result = await checkCredentials(
          String(credentials?.email ?? ""),
          String(credentials?.password ?? ""),
          clientAddress(headers),
          headers.get("user-agent"),
        );
        if (!result.ok)
          throw new SignInRefused(
            result.code === "throttled" ? throttledCode(result.waitSeconds) : "invalid",
          );
        return {
          id: String(result.user.id),
          name: result.user.name,
          email: result.user.email,
          role: result.user.role,
          sv: result.user.sessionVersion,
          sid: result.sessionId,
        } as never;
      },
    }),
  ],
  events: {
    // Sign-out (the action and the endpoint alike) ends the session's row, not only the browser's cookie.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(await getDb(), sid);
    },
  },
});
