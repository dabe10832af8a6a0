import { handleExport } from "@/lib/registry/export/http";

export const dynamic = "force-dynamic";

/** A register as XLSX in the layout of seed 001; audited. */
export async function GET(request: Request) {
  return handleExport(request);
}
