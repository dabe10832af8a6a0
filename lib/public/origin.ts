import "server-only";
import { headers } from "next/headers";
import { mailConfig } from "@/lib/mail/config";

/** The address schools reach Наставник at: APP_URL, or the host of the current request. */
export async function publicOrigin(): Promise<string> {
  const configured = mailConfig().appUrl;
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (host && /^[a-z0-9.:[\]-]+$/i.test(host)) {
    const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
    return `${proto}://${host}`;
  }
  return "http://localhost:3000";
}

/** The snippet a school pastes once into its site. */
export function embedSnippet(origin: string, slug: string): string {
  return `<script src="${origin}/embed.js" data-org="${slug}" async></script>`;
}
