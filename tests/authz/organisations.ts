import type { MatrixRow } from "./types";
import { organisationInput, targetOrg } from "./types";

export const rows: Record<string, MatrixRow> = {
  signInAction: { public: true },
  signOutAction: { public: true },
  updateOrganisationCardAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { updateOrganisationCardAction } = await import("@/lib/organisations/actions");
      return updateOrganisationCardAction(await organisationInput(targetOrg(ctx)));
    },
  },
};
