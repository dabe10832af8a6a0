import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { checkCredentials } from "./credentials";
import { getAuthSecret } from "./secret";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: getAuthSecret(),
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const ip = request?.headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
        const result = await checkCredentials(
          String(credentials?.email ?? ""),
          String(credentials?.password ?? ""),
          ip,
        );
        if (!result.ok) throw new SignInRefused(result.code);
        return {
          id: String(result.user.id),
          name: result.user.name,
          email: result.user.email,
          role: result.user.role,
          sv: result.user.sessionVersion,
        } as never;
      },
    }),
  ],
});
