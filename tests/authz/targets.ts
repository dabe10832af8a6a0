import type { MatrixRow } from "./types";
import { municipalityOf, targetOrg } from "./types";

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
