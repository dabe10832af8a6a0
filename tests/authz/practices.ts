import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { programmes } from "@/db/schema";
import { createProgramme } from "../support/registry-factories";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

/** A programme of the target organisation already in the bank at the municipal level. */
async function markedProgramme(organisationId: number) {
  const p = await createProgramme(organisationId);
  const db = await getDb();
  await db
    .update(programmes)
    .set({ bestPractice: true, bestPracticeLevel: "municipal", bestPracticeAt: new Date() })
    .where(eq(programmes.id, p.id));
  return p;
}

export const rows: Record<string, MatrixRow> = {
  markBestPracticeAction: {
    allowed: ["coordinator", "admin"],
    attempt: async (ctx) => {
      const { markBestPracticeAction } = await import("@/lib/practices/actions");
      const p = await createProgramme(targetOrg(ctx));
      return ctx.act(() =>
        markBestPracticeAction({
          programmeId: p.id,
          level: "municipal",
          note: "Устойчивые пары и измеримый рост успеваемости",
        }),
      );
    },
  },
  unmarkBestPracticeAction: {
    allowed: ["coordinator", "admin"],
    attempt: async (ctx) => {
      const { unmarkBestPracticeAction } = await import("@/lib/practices/actions");
      const p = await markedProgramme(targetOrg(ctx));
      return ctx.act(() =>
        unmarkBestPracticeAction({ programmeId: p.id, reason: "Программа больше не реализуется" }),
      );
    },
  },
};
