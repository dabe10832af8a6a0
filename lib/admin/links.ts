import "server-only";
import { headers } from "next/headers";
import { mailConfig } from "@/lib/mail/config";
import { passwordLinkPath } from "./tokens";

/** The absolute address of a set-password link: APP_URL, or the host the request came to. */
export async function absoluteLink(token: string): Promise<string> {
  return `${await appOrigin()}${passwordLinkPath(token)}`;
}

/** The address users open: APP_URL, or the host the request came to. */
export async function appOrigin(): Promise<string> {
  const configured = mailConfig().appUrl;
  if (configured) return configured;
  try {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host");
    if (host && /^[a-z0-9.:[\]-]+$/i.test(host)) {
      const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
      return `${proto}://${host}`;
    }
  } catch {
    /* outside a request */
  }
  return "http://localhost:3000";
}
