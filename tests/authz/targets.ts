import { eq } from "drizzle-orm";
import type { ActionResult } from "@/lib/actions/result";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

/** The municipality of the organisation that "own", "sibling" or "other region" means for the actor. */
async function municipalityOf(orgId: number) {
  const db = await getDb();
  const [o] = await db
    .select({ m: organisations.municipalityId })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return o.m;
}

/** The indicator downloads are route handlers: the HTTP answer adapted to the matrix's result. */
async function download(route: "table" | "chart", orgId: number): Promise<ActionResult<unknown>> {
  const mod = await import(`@/app/api/indicators/${route}/route`);
  const GET = mod.GET as (r: Request) => Promise<Response>;
  const q = new URLSearchParams({ organisation: String(orgId), format: "csv", code: "N1", kind: "line" });
  const res = await GET(new Request(`http://localhost/api/indicators/${route}?${q}`));
  if (res.ok) return { ok: true, data: null };
  return { ok: false, formError: ((await res.json()) as { error: string }).error };
}

export const rows: Record<string, MatrixRow> = {
  "GET /api/indicators/table": {
    allowed: ["curator", "coordinator", "ministry", "admin"],
    attempt: (ctx) => download("table", targetOrg(ctx)),
  },
  "GET /api/indicators/chart": {
    allowed: ["curator", "coordinator", "ministry", "admin"],
    attempt: (ctx) => download("chart", targetOrg(ctx)),
  },
  saveTargetsAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const { saveTargetsAction } = await import("@/lib/indicators/actions");
      return saveTargetsAction({
        territory: String(await municipalityOf(targetOrg(ctx))),
        "v:N1:2031": "55",
        "v:2:2031": "12",
      });
    },
  },
};
