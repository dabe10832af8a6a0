import { openDataFile } from "@/lib/public/open-files";

/** National open data: the country's indicator table as CSV, at a stable address. */
export async function GET() {
  return openDataFile("csv", "", null);
}
