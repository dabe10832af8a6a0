import type { MatrixRow } from "./types";
import { organisationInput, targetOrg } from "./types";

export const rows: Record<string, MatrixRow> = {
  signInAction: { public: "signing in is how a session starts" },
  signOutAction: { public: "ends whatever session there is; nothing to authorise" },
  updateOrganisationCardAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { updateOrganisationCardAction } = await import("@/lib/organisations/actions");
      const input = await organisationInput(targetOrg(ctx));
      return ctx.act(() => updateOrganisationCardAction(input));
    },
  },
};
