import { chartFile, handleIndicatorExport } from "@/lib/indicators/export";

export const dynamic = "force-dynamic";

/** GET /api/indicators/chart?code=N1&kind=line|bars&year=&format=xlsx|csv&municipality=ID… — audited. */
export async function GET(request: Request) {
  return handleIndicatorExport(request, chartFile);
}
