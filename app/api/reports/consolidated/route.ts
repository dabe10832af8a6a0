import { handleConsolidatedExport } from "@/lib/reports/consolidated/export";

export const dynamic = "force-dynamic";

/** Consolidated forms 1–5 of a municipality or the region as XLSX or CSV; audited. */
export async function GET(request: Request) {
  return handleConsolidatedExport(request);
}
