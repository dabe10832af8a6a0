import { handleImport } from "@/lib/registry/import/http";

export const dynamic = "force-dynamic";

/** Register import: a preview, then the commit; the answer streams progress as NDJSON. */
export async function POST(request: Request) {
  return handleImport(request);
}
