import { eq } from "drizzle-orm";
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

export const rows: Record<string, MatrixRow> = {
  saveTargetsAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const { saveTargetsAction } = await import("@/lib/indicators/actions");
      const input = {
        territory: String(await municipalityOf(targetOrg(ctx))),
        "v:N1:2031": "55",
        "v:2:2031": "12",
      };
      return ctx.act(() => saveTargetsAction(input));
    },
  },
};
