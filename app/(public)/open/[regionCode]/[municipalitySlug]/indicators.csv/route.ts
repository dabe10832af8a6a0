import { openDataFile } from "@/lib/public/open-files";

/** Open data of a municipality: the indicator table as CSV, at a stable address. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ regionCode: string; municipalitySlug: string }> },
) {
  const { regionCode, municipalitySlug } = await params;
  return openDataFile("csv", regionCode, municipalitySlug);
}
