import { regionOfOrganisation, targetsStamp } from "../support/periods";
import type { MatrixRow } from "./types";
import { municipalityOf, targetOrg } from "./types";

export const rows: Record<string, MatrixRow> = {
  saveTargetsAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const { saveTargetsAction } = await import("@/lib/indicators/actions");
      const municipalityId = await municipalityOf(targetOrg(ctx));
      const input = {
        territory: String(municipalityId),
        version: await targetsStamp(await regionOfOrganisation(targetOrg(ctx)), municipalityId),
        "v:N1:2031": "55",
        "v:2:2031": "12",
      };
      return ctx.act(() => saveTargetsAction(input));
    },
  },
};
