import { openDataFile } from "@/lib/public/open-files";

/** National open data: the country's indicator table as JSON, at a stable address. */
export async function GET() {
  return openDataFile("json", "", null);
}
