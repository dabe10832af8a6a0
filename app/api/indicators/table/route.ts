import { handleIndicatorExport, tableFile } from "@/lib/indicators/export";

export const dynamic = "force-dynamic";

/** GET /api/indicators/table?format=xlsx|csv&from=&to=&region=1|municipality=ID|organisation=ID — audited. */
export async function GET(request: Request) {
  return handleIndicatorExport(request, tableFile);
}
