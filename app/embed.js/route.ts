import { EMBED_SCRIPT } from "@/lib/public/embed-script";

/** The script a school pastes into its site; loaded cross-site, so it allows cross-origin use. Sets no cookies. */
export function GET(): Response {
  return new Response(EMBED_SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
