import { openDataFile } from "@/lib/public/open-files";

/** Open data of the region: the indicator table as JSON, at a stable address. */
export async function GET(_request: Request, { params }: { params: Promise<{ regionCode: string }> }) {
  return openDataFile("json", (await params).regionCode, null);
}
