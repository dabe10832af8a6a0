import { openDataFile } from "@/lib/public/open-files";

/** Open data of the region: the indicator table as CSV, at a stable address. */
export async function GET(_request: Request, { params }: { params: Promise<{ regionCode: string }> }) {
  return openDataFile("csv", (await params).regionCode, null);
}
