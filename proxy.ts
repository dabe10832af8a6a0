import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";
import { getAuthSecret } from "@/lib/auth/secret";

/** A coarse gate only: sends anonymous visitors of app pages to sign-in. Pages and actions check again. */
const { auth } = NextAuth({ ...authConfig, secret: getAuthSecret() });

export const proxy = auth;

export const config = {
  // Public pages, embeds, open data and file downloads never pass the proxy: it would set auth cookies there.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth|api/public|api/files|org/|embed|open).*)"],
};
