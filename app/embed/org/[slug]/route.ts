import { renderEmbed } from "@/components/public/embed-page";
import { embedHtml, embedResponse } from "@/lib/public/embed";
import { isVi } from "@/lib/public/links";

/** The organisation's «Наставничество» for an iframe on the school's site: plain HTML from the cache, no cookies. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const vi = isVi(new URL(request.url).searchParams.get("vi"));
  return embedResponse(request, await embedHtml(slug, vi, "page", renderEmbed));
}
